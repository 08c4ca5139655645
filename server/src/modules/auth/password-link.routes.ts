import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ZPasswordLinkResponse, ZUserParams } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf } from '../access/policy.ts';
import { issuePasswordToken } from './password-tokens.ts';

/** The link an admin passes on: the app's configured address, the set-password page, the token. */
export function setPasswordUrl(appUrl: string, token: string): string {
  return `${appUrl}/set-password#token=${token}`;
}

/**
 * Set-password links, issued by admins (the users:manage action). They live with the tokens and the
 * set-password page they point to, and are built from APP_URL (config.appUrl): a link built from the
 * request's Host header would let whoever sends the request choose where the token goes.
 */
export function passwordLinkRoutes(deps: { prisma: PrismaClient; appUrl: string }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/admin/users/:id/password-link',
      status: 201,
      errors: [404, 409],
      tags: ['admin'],
      access: { action: 'users:manage' },
      summary: 'Issue a single-use, expiring set-password link for the admin to pass on',
      params: ZUserParams,
      response: ZPasswordLinkResponse,
      handler: async ({ params }, req, res) => {
        const actor = principalOf(req);
        if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
        const user = await deps.prisma.user.findUnique({
          where: { id: params.id },
          select: { id: true, disabledAt: true },
        });
        if (!user) throw AppError.notFound(`User ${params.id}`);
        // Disabling deletes unused links; a new one would only wait for the day the account is enabled.
        if (user.disabledAt) {
          throw new AppError(
            'CONFLICT',
            'This account is disabled: enable it before issuing a set-password link',
          );
        }
        const { token, expiresAt } = await issuePasswordToken(deps.prisma, {
          userId: user.id,
          createdById: actor.userId,
        });
        res.status(201).json({ url: setPasswordUrl(deps.appUrl, token), expiresAt: expiresAt.toISOString() });
      },
    }),
  ];
}
