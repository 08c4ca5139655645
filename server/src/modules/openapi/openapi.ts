import { z } from 'zod';
import { ZErrorResponse } from '../../contracts/index.ts';
import type { AnyRoute } from '../../http/route.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: prop,
    ...(typeof (prop as { description?: unknown }).description === 'string'
      ? { description: (prop as { description: string }).description }
      : {}),
  }));
}

/** The OpenAPI 3 description, generated from the same zod schemas that validate the requests. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): object {
  const error = { content: { 'application/json': { schema: jsonSchema(ZErrorResponse, 'output') } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const content: Record<string, unknown> = {};
    for (const type of route.produces ?? ['application/json']) {
      content[type] =
        type === 'application/json' && route.response
          ? { schema: jsonSchema(route.response, 'output') }
          : { schema: { type: 'string' } };
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: route.tags,
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      ...(route.access === 'public' ? {} : { security: [{ session: [] }] }),
      responses: {
        200: { description: 'OK', content },
        ...(route.query || route.params || route.body
          ? { 400: { description: 'Invalid parameter', ...error } }
          : {}),
        ...(route.params ? { 404: { description: 'Not found', ...error } } : {}),
        ...(route.access === 'public' ? {} : { 401: { description: 'Not signed in', ...error } }),
        ...(typeof route.access === 'object'
          ? { 403: { description: 'Signed in but not allowed', ...error } }
          : {}),
        500: { description: 'Unexpected error (with a request id)', ...error },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Groundwork API',
      version,
      description: 'Seats, results and targets for Constituency Labour Parties.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        // State-changing requests also need the X-CSRF-Token header the sign-in response gives.
        session: { type: 'apiKey', in: 'cookie', name: 'gw_session' },
      },
    },
    paths,
  };
}
