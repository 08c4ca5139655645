import type { TGrant, TUser } from '../../contracts/index.ts';

/** Who made the request: set by authenticate() when the session cookie names a live session. */
export interface AuthContext {
  user: TUser;
  /** Grants in force now: not revoked, started, not ended. */
  grants: TGrant[];
  session: { id: number; csrfToken: string };
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
