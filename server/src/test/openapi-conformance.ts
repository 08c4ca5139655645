import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * Holds an answer to what /api/openapi.json says of its route: a status the route lists, a media type that
 * status lists, and for JSON a body that matches the schema given for it (error bodies included). Used by
 * the fuzz test (http/fuzz.int.test.ts) and the contract test (modules/openapi/openapi.int.test.ts).
 */

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema?: { example?: unknown; default?: unknown; enum?: unknown[] };
  example?: unknown;
}
export interface MediaType {
  schema: object;
}
export interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}
export interface ListedOperation {
  method: string;
  path: string;
  op: Operation;
}

/** Statuses Node's HTTP parser answers before any route (a URL or headers over its limits), with no body. */
const BEFORE_ANY_ROUTE = new Set([414, 431]);

export function operationsOf(doc: OpenApiDocument): ListedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, op })),
  );
}

/** Returns a checker for answers; it gives undefined when the answer is what the document says, else why not. */
export function conformanceChecker(doc: OpenApiDocument) {
  // OpenAPI 3.0 schema objects are JSON Schema (draft 4/5) plus `nullable`, which Ajv's draft-07 class knows.
  if (!doc.openapi.startsWith('3.0.')) throw new Error(`Unexpected OpenAPI version ${doc.openapi}`);
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validators = new Map<object, ValidateFunction>();
  const validatorFor = (schema: object): ValidateFunction => {
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      validators.set(schema, validate);
    }
    return validate;
  };

  return function check(op: Operation, res: Response): string | undefined {
    if (BEFORE_ANY_ROUTE.has(res.status)) return undefined;
    const declared = op.responses[String(res.status)];
    if (!declared) return `status ${res.status} is not listed (${Object.keys(op.responses).join(', ')})`;
    const contentType = String(res.headers['content-type'] ?? '');
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const raw = res.text ?? '';
    if (res.status === 204 || res.status === 304 || !declared.content) {
      if (raw !== '' || (res.body && Object.keys(res.body as object).length))
        return `status ${res.status} should have no body, got ${contentType}: ${raw.slice(0, 100)}`;
      return undefined;
    }
    const media = declared.content[mediaType];
    if (!media) {
      return `status ${res.status} answered ${contentType || 'no content type'}, listed: ${Object.keys(declared.content).join(', ')}`;
    }
    if (mediaType === 'application/json') {
      const validate = validatorFor(media.schema);
      if (!validate(res.body)) {
        const errors = (validate.errors ?? [])
          .slice(0, 5)
          .map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
        return `status ${res.status} body does not match its schema: ${errors.join('; ')}`;
      }
      return undefined;
    }
    // Text (CSV): the text as it arrived, against the schema given for it (a string).
    if (typeof res.text !== 'string') return `status ${res.status} ${mediaType} body is not text`;
    if (!validatorFor(media.schema)(res.text)) return `status ${res.status} ${mediaType} body does not match`;
    return undefined;
  };
}
