import type { Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conformanceChecker,
  operationsOf,
  type ListedOperation,
  type OpenApiDocument,
} from '../../test/openapi-conformance.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { CSRF_HEADER } from '../auth/auth.middleware.ts';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { createDemoPilots } from '../pilots/demo-pilots.ts';
import { createDemoSelections } from '../selections/demo-selections.ts';

/**
 * The OpenAPI document tells the truth about success too (issue 7): every GET route it lists is called with
 * valid inputs (its parameters' examples) as an admin and as a signed-out caller, and every write once in a
 * user's life (made, given a role, a set-password link, signed in, password changed, signed out, role
 * revoked); each answer must have a status, media type and body the document gives for that route. The fuzz
 * test (http/fuzz.int.test.ts) does the same for hostile input, which mostly meets the error bodies.
 */
const t = useTestApp();

const SEAT = 'E14001107'; // Blyth and Ashington, North East (E12000001)
let doc: OpenApiDocument;
let operations: ListedOperation[];
let check: ReturnType<typeof conformanceChecker>;
let admin: Awaited<ReturnType<typeof signedInAs>>;

function operation(method: string, path: string): ListedOperation {
  const found = operations.find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
}

/** Sends one request for a listed operation and fails unless the answer is one the document gives. */
async function call(
  method: string,
  path: string,
  options: { url?: string; headers?: Record<string, string>; body?: object; status?: number } = {},
): Promise<Response> {
  const { op } = operation(method, path);
  const req = t.api[method as 'get'](options.url ?? path).set(options.headers ?? {});
  const res = await (options.body === undefined ? req : req.send(options.body));
  expect(check(op, res), `${method.toUpperCase()} ${options.url ?? path} → ${res.status}`).toBeUndefined();
  if (options.status !== undefined) {
    expect(res.status, `${method.toUpperCase()} ${options.url ?? path}: ${res.text.slice(0, 300)}`).toBe(
      options.status,
    );
  }
  return res;
}

/** The URL of a GET operation with valid inputs: each path and required query parameter's example. */
function exampleUrl({ method, path, op }: ListedOperation): string {
  const params = op.parameters ?? [];
  const valueOf = (p: (typeof params)[number]) => {
    const value = p.example ?? p.schema?.example;
    if (value === undefined) {
      throw new Error(`${method.toUpperCase()} ${path}: parameter ${p.name} has no example in the document`);
    }
    return encodeURIComponent(String(value));
  };
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    valueOf(params.find((p) => p.in === 'path' && p.name === name)!),
  );
  const query = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${valueOf(p)}`)
    .join('&');
  return query ? `${url}?${query}` : url;
}

const successStatus = (op: ListedOperation['op']) =>
  Number(Object.keys(op.responses).find((s) => Number(s) >= 200 && Number(s) < 300));

beforeAll(async () => {
  doc = (await t.api.get('/api/openapi.json').expect(200)).body as OpenApiDocument;
  operations = operationsOf(doc);
  check = conformanceChecker(doc);
  admin = await signedInAs(t, 'admin');
  // Something in every list: a target (the board, the seat list's target layer, its history) and an export.
  await call('put', '/api/seats/2024/{code}/target', {
    url: `/api/seats/2024/${SEAT}/target`,
    headers: admin.headers,
    body: { status: 'DEFEND', tier: 1, rationale: 'Contract test', version: 0, source: 'openapi.int.test' },
    status: 200,
  });
  const csv = await call('post', '/api/exports/users.csv', {
    headers: admin.headers,
    body: { purpose: 'Checking the API description' },
    status: 200,
  });
  expect(csv.text).toMatch(/^id,email,name,disabled,roles/);
  // Pilots (ids from 1: each test file has its own database): the demo's pilots, partners and activities,
  // and a comment through the API, so the examples' id 1 names a pilot with something in every list.
  await createDemoPilots(t.db.prisma);
  const blyth = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: SEAT } } });
  // Someone to list as a possible organiser, of pilot 1's CLP and of CLP 1 (the examples' id).
  await signedInAs(t, 'organiser', { clpId: blyth.id });
  await signedInAs(t, 'organiser', { clpId: 1 });
  // Selections in every stage (ids from 1), so their lists and the board have rows.
  await createDemoSelections(t.db.prisma);
  await call('post', '/api/pilots/{id}/comments', {
    url: '/api/pilots/1/comments',
    headers: admin.headers,
    body: { body: 'Contract test comment' },
    status: 201,
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.0 and gives every path parameter an example', () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    const missing = operations.flatMap(({ method, path, op }) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'path' && method === 'get' && p.schema?.example === undefined)
        .map((p) => `${method.toUpperCase()} ${path} ${p.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('describes the answer of every GET route, in each media type it lists, called by an admin', async () => {
    const gets = operations.filter((o) => o.method === 'get');
    expect(gets.length).toBeGreaterThan(15);
    for (const listed of gets) {
      const url = exampleUrl(listed);
      const status = successStatus(listed.op);
      for (const type of Object.keys(listed.op.responses[status]?.content ?? {})) {
        const res = await call('get', listed.path, {
          url,
          headers: { ...admin.headers, Accept: type },
          status,
        });
        expect(res.headers['content-type'], url).toContain(type);
        // A list with items checks its item schema: every list here has something in it.
        const items = (res.body as { items?: unknown })?.items;
        if (Array.isArray(items)) expect(items.length, `${url} items`).toBeGreaterThan(0);
        const etag = res.headers.etag as string | undefined;
        if (etag) {
          await call('get', listed.path, {
            url,
            headers: { ...admin.headers, Accept: type, 'If-None-Match': etag },
            status: 304,
          });
        }
      }
    }
  });

  it('describes what a signed-out caller gets from every GET route, with targets public or not', async () => {
    const settings = { headers: admin.headers, status: 200 };
    for (const visibility of [
      { public: false, detailsPublic: false },
      { public: true, detailsPublic: false },
      { public: true, detailsPublic: true },
    ]) {
      await call('put', '/api/settings/targets-public', { ...settings, body: visibility });
      for (const listed of operations.filter((o) => o.method === 'get')) {
        const res = await call('get', listed.path, { url: exampleUrl(listed) });
        expect([200, 401, 403], `${listed.path}`).toContain(res.status);
      }
      // Filtering on a layer the caller may not see: 401 (documented) while targets are not public.
      const seats = await call('get', '/api/seats', {
        url: '/api/seats?target=DEFEND',
        status: visibility.public ? 200 : 401,
      });
      if (visibility.public) expect(seats.body.items.length).toBeGreaterThan(0);
    }
    const hidden = await call('put', '/api/settings/targets-public', {
      ...settings,
      body: { public: false },
    });
    expect(hidden.body).toEqual({ public: false, detailsPublic: false });
  });

  it('describes the answer of every write in a user’s life', async () => {
    const created = await call('post', '/api/admin/users', {
      headers: admin.headers,
      body: { email: 'contract.test@example.org', name: 'Contract Test' },
      status: 201,
    });
    const userId = created.body.id as number;
    await call('post', '/api/admin/users', {
      headers: admin.headers,
      body: { email: 'contract.test@example.org', name: 'Again' },
      status: 409,
    });
    await call('post', '/api/admin/users/{id}/grants', {
      url: `/api/admin/users/${userId}/grants`,
      headers: admin.headers,
      body: { role: 'member', clpId: 2147483647 },
      status: 422,
    });
    const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: SEAT } } });
    const grant = await call('post', '/api/admin/users/{id}/grants', {
      url: `/api/admin/users/${userId}/grants`,
      headers: admin.headers,
      body: { role: 'organiser', clpId: clp.id },
      status: 201,
    });
    const link = await call('post', '/api/admin/users/{id}/password-link', {
      url: `/api/admin/users/${userId}/password-link`,
      headers: admin.headers,
      status: 201,
    });
    const token = new URL(link.body.url as string).hash.replace('#token=', '');
    const password = 'Lantern-orchard-7291-quietly';
    await call('post', '/api/auth/set-password', { body: { token, newPassword: password }, status: 204 });
    await call('post', '/api/auth/set-password', { body: { token, newPassword: password }, status: 400 });
    await call('post', '/api/auth/sign-in', {
      body: { email: 'contract.test@example.org', password: 'not the password' },
      status: 401,
    });
    const signIn = await call('post', '/api/auth/sign-in', {
      body: { email: 'contract.test@example.org', password },
      status: 200,
    });
    const cookie = String(signIn.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const organiser = { Cookie: cookie, [CSRF_HEADER]: signIn.body.csrfToken as string };
    const me = await call('get', '/api/auth/me', { headers: organiser, status: 200 });
    expect(me.body.grants).toHaveLength(1);
    await call('post', '/api/auth/password', {
      headers: organiser,
      body: { currentPassword: password, newPassword: `${password}-and-more` },
      status: 204,
    });
    await call('post', '/api/auth/sign-out', { headers: organiser, status: 204 });
    await call('get', '/api/auth/me', { headers: organiser, status: 401 });
    await call('delete', '/api/admin/grants/{id}', {
      url: `/api/admin/grants/${grant.body.id}`,
      headers: admin.headers,
      status: 204,
    });
  });

  it('refuses an answer its route does not describe (so the checks above can fail)', async () => {
    const like = (res: Response, changes: Partial<Response>) =>
      ({ ...res, ...changes }) as unknown as Response;
    const { op } = operation('get', '/api/regions');
    const res = await t.api.get('/api/regions').expect(200);
    expect(check(op, res)).toBeUndefined();
    const tampered = structuredClone(res.body) as { items: Record<string, unknown>[] };
    delete tampered.items[0]!.name;
    tampered.items[1]!.seats = { '2010': 'many', '2024': 1 };
    const problem = check(op, like(res, { body: tampered }));
    expect(problem).toMatch(/\/items\/0 must have required property 'name'/);
    expect(problem).toMatch(/\/items\/1\/seats\/2010 must be integer/);
    expect(check(op, like(res, { status: 201 }))).toMatch(/status 201 is not listed/);
    const asCsv = like(res, { headers: { ...res.headers, 'content-type': 'text/csv' } });
    expect(check(op, asCsv)).toMatch(/answered text\/csv/);

    const seats = operation('get', '/api/seats').op;
    const error = await t.api.get('/api/seats?limit=0').expect(400);
    expect(check(seats, error)).toBeUndefined();
    expect(check(seats, like(error, { body: { message: 'no envelope' } }))).toMatch(
      /must have required property 'error'/,
    );
  });
});
