import { randomUUID } from 'node:crypto';
import type { RoleName } from '../modules/access/policy.ts';
import { CSRF_HEADER } from '../modules/auth/auth.middleware.ts';
import { SESSION_COOKIE } from '../modules/auth/cookies.ts';
import { createSession } from '../modules/auth/sessions.ts';
import type { TestApp } from './test-app.ts';

/** A user with one grant (unique email), signed in: headers to send with requests as them. */
export async function signedInAs(
  t: TestApp,
  role: RoleName,
  scope: { clpId?: number; regionCode?: string; endsAt?: Date } = {},
): Promise<{ userId: number; headers: Record<string, string> }> {
  const user = await t.db.prisma.user.create({
    data: {
      email: `${role}-${randomUUID().slice(0, 8)}@test.groundwork`,
      name: `Test ${role.replace('_', ' ')}`,
      grants: {
        create: {
          role,
          clpId: scope.clpId ?? null,
          regionCode: scope.regionCode ?? null,
          endsAt: scope.endsAt ?? null,
        },
      },
    },
  });
  const session = await createSession(t.db.prisma, user.id, { ip: undefined, userAgent: 'test' });
  return {
    userId: user.id,
    headers: { Cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken },
  };
}
