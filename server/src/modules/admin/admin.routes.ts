import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf } from '../access/policy.ts';
import {
  ZAdminUser,
  ZCreateGrantRequest,
  ZCreateUserRequest,
  ZAdminGrant,
  ZDisableUserRequest,
  ZEnableUserRequest,
  ZGrantParams,
  ZListUsersQuery,
  ZListUsersResponse,
  ZUserParams,
} from '../../contracts/index.ts';
import { AdminService } from './admin.service.ts';

export interface AdminDeps {
  prisma: PrismaClient;
}

/** Users and their role grants, managed by national admins (set-password links: modules/auth). */
export function adminRoutes(deps: AdminDeps): AnyRoute[] {
  const service = new AdminService(deps.prisma);
  const actorId = (req: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(req);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
    return principal.userId;
  };
  const actor = (req: Parameters<typeof principalOf>[0]) => ({
    id: actorId(req),
    requestId: String(req.id ?? ''),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/admin/users',
      tags: ['admin'],
      access: { action: 'users:manage' },
      summary: 'Users with their role grants (search by name or email)',
      query: ZListUsersQuery,
      response: ZListUsersResponse,
      handler: async ({ query }, _req, res) => {
        res.json(await service.listUsers(query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/users',
      status: 201,
      errors: [409],
      tags: ['admin'],
      access: { action: 'users:manage' },
      summary: 'Create a user (no password: issue a set-password link next)',
      body: ZCreateUserRequest,
      response: ZAdminUser,
      handler: async ({ body }, req, res) => {
        res.status(201).json(await service.createUser(body, actorId(req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/users/:id/disable',
      errors: [409],
      tags: ['admin'],
      access: { action: 'users:manage' },
      summary:
        'Disable an account, saying why: its sessions end and its unused set-password links stop working; ' +
        'send the version you read (stale: 409). Refused (409) for your own account and for the last admin',
      params: ZUserParams,
      body: ZDisableUserRequest,
      response: ZAdminUser,
      handler: async ({ params, body }, req, res) => {
        res.json(await service.disableUser(params.id, body, actor(req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/users/:id/enable',
      errors: [409],
      tags: ['admin'],
      access: { action: 'users:manage' },
      summary:
        'Let a disabled account sign in again (its old sessions stay ended); send the version you read (stale: 409)',
      params: ZUserParams,
      body: ZEnableUserRequest,
      response: ZAdminUser,
      handler: async ({ params, body }, req, res) => {
        res.json(await service.enableUser(params.id, body, actor(req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/users/:id/grants',
      status: 201,
      errors: [422], // a CLP or region that does not exist
      tags: ['admin'],
      access: { action: 'grants:manage' },
      summary: 'Give a user a role, scoped to a CLP or a region, optionally until a date',
      params: ZUserParams,
      body: ZCreateGrantRequest,
      response: ZAdminGrant,
      handler: async ({ params, body }, req, res) => {
        res.status(201).json(await service.addGrant(params.id, body, actorId(req)));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/grants/:id',
      status: 204,
      errors: [409],
      tags: ['admin'],
      access: { action: 'grants:manage' },
      summary: 'Revoke a role grant (kept, marked revoked)',
      params: ZGrantParams,
      handler: async ({ params }, req, res) => {
        await service.revokeGrant(params.id, actorId(req));
        res.status(204).end();
      },
    }),
  ];
}
