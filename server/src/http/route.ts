import type { NextFunction, Request, Response, Router } from 'express';
import type { z } from 'zod';
import { can, principalOf, type Action, type Resource } from '../modules/access/policy.ts';
import { AppError } from './app-error.ts';
import { replayableOf, type ResponseReplay } from './response-replay.ts';

/**
 * Who may call a route: anyone; anyone signed in; or whoever the policy allows to do `action` on the
 * resource the request names (national when no resource is given).
 */
export type Access<I> =
  | 'public'
  | 'signed-in'
  | { action: Action; resource?: (input: I, req: Request) => Resource | Promise<Resource> };

export interface RouteSpec<
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  B extends z.ZodType | undefined = undefined,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. /seats/:boundarySet/:code (mounted under /api). */
  path: string;
  summary: string;
  tags: string[];
  query?: Q;
  params?: P;
  /** JSON request body schema (state-changing routes). */
  body?: B;
  /** Required: a route without a declared access rule is refused at start-up. */
  access: Access<RouteInput<Q, P, B>>;
  /** JSON response schema, for the OpenAPI description. */
  response?: z.ZodType;
  /** Other media types the route can answer with (e.g. text/csv). */
  produces?: string[];
  /** The status of a successful answer (default 200): 201 for a record made, 204 for no body. */
  status?: 200 | 201 | 204;
  /**
   * A second success with the same body, and when it happens: e.g. 200 when an idempotency key was sent
   * before and the record already made is returned instead of 201.
   */
  alsoSucceeds?: { status: 200 | 201; description: string };
  /**
   * The error statuses this route answers on purpose beyond those every route of its kind can give
   * (openapi.ts lists those): e.g. 409 for a stale version, 429 for a rate limit, 404 for a missing record
   * named in the query, 401 from a public route (wrong credentials, a filter that needs signing in).
   */
  errors?: readonly (401 | 403 | 404 | 409 | 422 | 429)[];
  /**
   * Opt in to response replay (http/response-replay.ts): the handler marks a response with
   * markReplayable(), and identical anonymous requests are answered from memory until the seat-data
   * version moves. Mounting refuses it on any route that is not public; at run time a response that sets
   * a cookie or is private is never remembered.
   */
  replay?: true;
  handler: (input: RouteInput<Q, P, B>, req: Request, res: Response) => Promise<void> | void;
}

export interface RouteInput<
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> {
  query: Q extends z.ZodType ? z.output<Q> : undefined;
  params: P extends z.ZodType ? z.output<P> : undefined;
  body: B extends z.ZodType ? z.output<B> : undefined;
}

/** Every route registered through here is also described in /api/openapi.json. */
export type AnyRoute = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

export function defineRoute<
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<Q, P, B>): AnyRoute {
  return spec as unknown as AnyRoute;
}

async function authorise(
  route: AnyRoute,
  input: RouteInput<never, never, never>,
  req: Request,
): Promise<void> {
  const access = route.access;
  if (access === 'public') return;
  const principal = principalOf(req);
  if (access === 'signed-in') {
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
    return;
  }
  const resource = access.resource ? await access.resource(input as never, req) : undefined;
  if (can(principal, access.action, resource)) return;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  throw new AppError('FORBIDDEN', 'Your roles do not allow this here');
}

/**
 * Registers routes with validation and authorisation at the edge: query, params and body are parsed by
 * their zod schemas (a ZodError becomes a 400 naming the field), then the route's access rule is checked
 * (401 signed out, 403 not allowed), and only then does the handler run.
 */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  options: { replay?: ResponseReplay } = {},
): void {
  for (const route of routes) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    if (!route.access) throw new Error(`${name} declares no access rule`);
    if (route.replay && (route.access !== 'public' || route.method !== 'get')) {
      throw new Error(`${name} asks for response replay, which only public GET routes may use`);
    }
    if (route.replay && !options.replay)
      throw new Error(`${name} asks for response replay, but none is set up`);
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      // What only some callers may see is never kept by a browser or a proxy (errors included); a
      // handler may say otherwise for its own response.
      if (route.access !== 'public') res.setHeader('Cache-Control', 'no-store');
      try {
        const input = {
          query: route.query ? route.query.parse(req.query) : undefined,
          params: route.params ? route.params.parse(req.params) : undefined,
          body: route.body ? route.body.parse(req.body ?? {}) : undefined,
        } as RouteInput<never, never, never>;
        await authorise(route, input, req);
        await route.handler(input as never, req, res);
        const replayable = route.replay ? replayableOf(res) : undefined;
        if (replayable) options.replay!.remember(req, res, replayable.body, replayable.version);
      } catch (error) {
        next(error);
      }
    });
  }
}
