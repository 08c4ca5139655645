import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('APP_URL', () => {
  it('is required in production, with a message naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /APP_URL: is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', APP_URL: '' })).toThrow(/APP_URL: is required/);
  });

  it('is kept as an origin without a trailing slash', () => {
    const config = loadConfig({ NODE_ENV: 'production', APP_URL: 'https://Groundwork.Example.org/' });
    expect(config.appUrl).toBe('https://groundwork.example.org');
    expect(loadConfig({ APP_URL: 'http://10.0.0.5:8080' }).appUrl).toBe('http://10.0.0.5:8080');
  });

  it('defaults to this machine and the server port outside production', () => {
    expect(loadConfig({}).appUrl).toBe('http://localhost:3000');
    expect(loadConfig({ NODE_ENV: 'test', PORT: '4100' }).appUrl).toBe('http://localhost:4100');
  });

  it.each([
    ['groundwork.example.org', /must be the address of the app/],
    ['ftp://groundwork.example.org', /must start with https:\/\/ or http:\/\//],
    ['https://user:secret@groundwork.example.org', /must not contain a user name or password/],
    ['https://groundwork.example.org/app', /must be the origin only/],
    ['https://groundwork.example.org/?x=1', /must be the origin only/],
  ])('refuses %s', (value, message) => {
    expect(() => loadConfig({ APP_URL: value })).toThrow(message);
  });
});
