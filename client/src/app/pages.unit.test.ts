import { describe, expect, it } from 'vitest';
import { pageFor } from './pages.ts';

describe('choosing the page from the path', () => {
  it('agrees with the server on trailing slashes: // is the map, /board/ the board', () => {
    expect(pageFor('/')).toBe('seats');
    expect(pageFor('//')).toBe('seats');
    expect(pageFor('/index.html')).toBe('seats');
    expect(pageFor('/board/')).toBe('board');
    expect(pageFor('/admin//')).toBe('admin');
    expect(pageFor('/set-password')).toBe('setPassword');
    expect(pageFor('/boards')).toBe('notFound');
    expect(pageFor('/no/such/page')).toBe('notFound');
  });
});
