import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiGet, apiSend, attachmentName, onSessionEnded, setCsrfToken } from './http.ts';

describe('attachmentName', () => {
  it('reads the file name of an attachment', () => {
    expect(attachmentName('attachment; filename="groundwork-users-2026-12-02.csv"')).toBe(
      'groundwork-users-2026-12-02.csv',
    );
  });

  it('gives nothing for a missing header, no name, or a name with a path in it', () => {
    expect(attachmentName(null)).toBeUndefined();
    expect(attachmentName('attachment')).toBeUndefined();
    expect(attachmentName('attachment; filename="../evil.csv"')).toBeUndefined();
    expect(attachmentName('attachment; filename="a\\\\b.csv"')).toBeUndefined();
  });
});

describe('a 401 to a request made while signed in', () => {
  const unauthorised = () =>
    new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to do this' } }), {
      status: 401,
      headers: { 'Content-Type': 'application/json' },
    });
  let ended: string[] = [];
  let stop: () => void = () => undefined;

  beforeEach(() => {
    ended = [];
    stop = onSessionEnded((path) => ended.push(path));
  });
  afterEach(() => {
    stop();
    setCsrfToken(undefined);
    vi.unstubAllGlobals();
  });

  it('ends the session on the client: listeners hear of it and the CSRF token is dropped', async () => {
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('X-CSRF-Token'));
      return Promise.resolve(unauthorised());
    });
    setCsrfToken('token-1');
    await expect(apiSend('POST', '/api/auth/password', { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual(['/api/auth/password']);
    // The next write goes without the dead session's token.
    await expect(apiSend('POST', '/api/auth/password', { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(sent).toEqual(['token-1', null]);
    expect(ended).toHaveLength(1);
  });

  it('does the same for a read', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(unauthorised()));
    setCsrfToken('token-1');
    await expect(apiGet('/api/admin/users')).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual(['/api/admin/users']);
  });

  it('says nothing when signed out, or when the request belonged to a session replaced since', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(unauthorised()));
    await expect(apiSend('POST', '/api/auth/sign-in', { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual([]);

    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    setCsrfToken('old');
    const pending = apiSend('POST', '/api/targets', { body: {} }).catch((e: unknown) => e);
    setCsrfToken('new'); // signed in again while the old request was on its way
    answer(unauthorised());
    expect(await pending).toMatchObject({ status: 401 });
    expect(ended).toEqual([]);
  });
});
