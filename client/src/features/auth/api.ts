import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiSend, onSessionEnded, setCsrfToken } from '../../api/http.ts';

import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES as ROLE_NAMES,
  ZAuthState,
  type RoleName,
  type TAuthState,
  type TGrant,
} from '@groundwork/server/contracts';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLE_NAMES, type RoleName };
export type Grant = TGrant;
export type AuthState = TAuthState;

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/** Who is signed in: the auth state, or null when signed out (a 401 is an answer, not an error). */
export function useSession() {
  return useQuery({
    queryKey: authKeys.session(),
    queryFn: async ({ signal }): Promise<AuthState | null> => {
      try {
        const state = await apiGet('/api/auth/me', { schema: ZAuthState, signal });
        setCsrfToken(state.csrfToken);
        return state;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Puts a new auth state in the one place it lives: the session query (and the CSRF token with it). */
function useSetSession() {
  const queryClient = useQueryClient();
  return (state: AuthState | null) => {
    setCsrfToken(state?.csrfToken);
    queryClient.setQueryData(authKeys.session(), state);
  };
}

const SIGN_OUT_PATH = '/api/auth/sign-out';

/**
 * Signs the page out as soon as any request made with the session answers 401 (an admin disabled the
 * account, the password was set from a link, the session timed out): the header shows Sign in at once.
 * `ended` says so until the person signs in again or dismisses it; signing out on purpose says nothing.
 */
export function useEndedSession(): { ended: boolean; dismiss: () => void } {
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState(false);
  useEffect(
    () =>
      onSessionEnded((path) => {
        queryClient.setQueryData(authKeys.session(), null);
        if (path !== SIGN_OUT_PATH) setEnded(true);
      }),
    [queryClient],
  );
  return { ended, dismiss: () => setEnded(false) };
}

export function useSignIn() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      apiSend('POST', '/api/auth/sign-in', { body, schema: ZAuthState }),
    onSuccess: (state) => setSession(state),
  });
}

export function useSignOut() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: () => apiSend('POST', SIGN_OUT_PATH),
    // A 401 means the session had already ended: signed out either way.
    onSuccess: () => setSession(null),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) setSession(null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiSend('POST', '/api/auth/password', { body }),
  });
}

export function useSetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      apiSend('POST', '/api/auth/set-password', { body }),
    // Setting a password ends every session of that user, which may be this browser's.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}

const ZDetails = z.array(z.object({ field: z.string(), message: z.string() }));

/** The server's per-field messages (400 details), keyed by the request body's field names. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const parsed = ZDetails.safeParse(error.details);
  if (!parsed.success) return {};
  const out: Record<string, string> = {};
  for (const { field, message } of parsed.data) {
    const name = field.replace(/^body\./, '');
    out[name] ??= message;
  }
  return out;
}

/** The server's length rule checked before sending, with the same words; undefined when it passes. */
export function newPasswordProblem(password: string): string | undefined {
  if (!password) return 'Enter a password';
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

/** Says the server's rules up front: its length, and that common or personal passwords are refused. */
export const NEW_PASSWORD_HINT = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; a few unrelated words work well. Not a common password, your name or your email address.`;
