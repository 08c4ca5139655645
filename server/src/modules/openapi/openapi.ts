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

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: 'Not signed in, or wrong credentials',
  403: 'Signed in but not allowed',
  404: 'Not found',
  409: 'Conflict with the current state (the body says what it is now)',
  422: 'Understood but not possible',
  429: 'Too many attempts (Retry-After says when to try again)',
};

/**
 * Every status a route can answer with: its success, what every route of its kind can give (bad input,
 * signed out, not allowed, a CSRF token missing, a body too large or not JSON, a conditional GET, the
 * database busy or unavailable), and the errors the route declares itself. The fuzz test
 * (http/fuzz.int.test.ts) and the contract test (openapi.int.test.ts) hold every answer to this list and
 * every body to the schema given for its status.
 */
function responses(route: AnyRoute, content: Record<string, unknown>, error: object): Record<string, object> {
  const success = route.status ?? 200;
  const writes = STATE_CHANGING.has(route.method);
  const out: Record<string, object> = {
    [success]:
      success === 204
        ? { description: 'Done; no content' }
        : { description: success === 201 ? 'Created' : 'OK', content },
  };
  if (route.alsoSucceeds)
    out[route.alsoSucceeds.status] = { description: route.alsoSucceeds.description, content };
  if (route.method === 'get') out[304] = { description: 'Not modified (If-None-Match matched the ETag)' };
  out[400] = { description: 'Invalid parameter, body or URL (the field and the reason)', ...error };
  if (route.access !== 'public') out[401] = { description: 'Not signed in', ...error };
  if (typeof route.access === 'object' || writes) {
    out[403] = { description: 'Signed in but not allowed, or the CSRF token is missing or wrong', ...error };
  }
  if (route.params) out[404] = { description: 'Not found', ...error };
  for (const status of route.errors ?? []) {
    out[status] ??= { description: ERROR_DESCRIPTIONS[status] ?? 'Error', ...error };
  }
  if (writes) {
    out[413] = { description: 'Request body too large (at most 100 kB)', ...error };
    out[415] = { description: 'Request body not sent as JSON', ...error };
  }
  out[500] = { description: 'Unexpected error (with a request id)', ...error };
  out[503] = {
    description: 'The database is busy or unavailable (Retry-After says when to try again)',
    ...error,
  };
  return out;
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
          : { schema: { type: type === 'application/json' ? 'object' : 'string' } };
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
      responses: responses(route, content, error),
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
