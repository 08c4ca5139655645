import type { NextFunction, Request, Response, Router } from 'express';
import type { z } from 'zod';

export interface RouteSpec<Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. /seats/:boundarySet/:code (mounted under /api). */
  path: string;
  summary: string;
  tags: string[];
  query?: Q;
  params?: P;
  /** JSON response schema, for the OpenAPI description. */
  response?: z.ZodType;
  /** Other media types the route can answer with (e.g. text/csv). */
  produces?: string[];
  handler: (
    input: {
      query: Q extends z.ZodType ? z.output<Q> : undefined;
      params: P extends z.ZodType ? z.output<P> : undefined;
    },
    req: Request,
    res: Response,
  ) => Promise<void> | void;
}

/** Every route registered through here is also described in /api/openapi.json. */
export type AnyRoute = RouteSpec<z.ZodType | undefined, z.ZodType | undefined>;

export function defineRoute<
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<Q, P>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/**
 * Registers routes with validation at the edge: query and params are parsed by their zod schemas before
 * the handler runs, and a ZodError reaches the error middleware as a 400 naming the parameter.
 */
export function mountRoutes(router: Router, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const query = route.query ? route.query.parse(req.query) : undefined;
        const params = route.params ? route.params.parse(req.params) : undefined;
        await route.handler({ query, params } as never, req, res);
      } catch (error) {
        next(error);
      }
    });
  }
}
