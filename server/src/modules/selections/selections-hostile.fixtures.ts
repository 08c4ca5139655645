import type { Response } from 'supertest';
import { beforeAll, expect } from 'vitest';
import type { TSelection } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

// The shared setup of the hostile-input tests (selections-hostile-*.int.test.ts). Imported by a test file,
// it gives that file its own test database and signed-in callers; the lets are live bindings, filled in
// before the file's tests run.

/**
 * Hostile and malformed input against every selections route, through HTTP on a real database: malformed
 * input is a 400 naming the field, policy answers 401/403/404, stale versions 409, semantic problems 422,
 * never a 500; a refused write leaves nothing behind; members and the public never see personal fields.
 */
export const t = useTestApp();
export type Person = Awaited<ReturnType<typeof signedInAs>>;
export type Method = 'get' | 'post' | 'patch' | 'put';
export interface Detail {
  field: string;
  message: string;
}

export let blythId: number;
export let hartlepoolId: number;
export let officer: Person;
export let secondOfficer: Person;
export let otherOfficer: Person;
export let expiredOfficer: Person;
export let member: Person;
export let staff: Person;
export let admin: Person;
export const stamp = Date.now();
export const MISSING = 2_147_483_647;

const clpOf = async (code: string) =>
  (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code, boundarySetCode: '2024' } } })).id;

beforeAll(async () => {
  blythId = await clpOf('E14001107');
  hartlepoolId = await clpOf('E14001272');
  officer = await signedInAs(t, 'selection_officer', { clpId: blythId });
  secondOfficer = await signedInAs(t, 'selection_officer', { clpId: blythId });
  otherOfficer = await signedInAs(t, 'selection_officer', { clpId: hartlepoolId });
  expiredOfficer = await signedInAs(t, 'selection_officer', {
    clpId: blythId,
    endsAt: new Date(Date.now() - 60_000),
  });
  member = await signedInAs(t, 'member', { clpId: blythId });
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  admin = await signedInAs(t, 'admin');
});

export function call(method: Method, url: string, who?: Person, body?: unknown) {
  const req = t.api[method](url);
  if (who) req.set(who.headers);
  return body === undefined ? req : req.send(body as object);
}

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
};

/** The status and error code; every detail names a field and a reason, and one mentions `word`. */
export function refused(res: Response, status: number, word?: string): void {
  expect(res.status, `${res.status} ${res.text.slice(0, 400)}`).toBe(status);
  expect(res.body.error.code).toBe(CODES[status]);
  expect(typeof res.body.error.requestId).toBe('string');
  const details = res.body.error.details as Detail[] | undefined;
  if ((status === 400 || status === 422) && details !== undefined) {
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) {
      expect(typeof d.field).toBe('string');
      expect(d.message.length).toBeGreaterThan(0);
    }
  }
  if (word) expect(JSON.stringify(details ?? res.body.error.message)).toContain(word);
}

export const create = async (body: object = {}, who: Person = officer) =>
  (
    await call('post', '/api/selections', who, {
      clpId: who === otherOfficer ? hartlepoolId : blythId,
      electionType: 'general',
      ...body,
    }).expect(201)
  ).body as TSelection;

export const addCandidate = async (s: { id: number }, body: object = {}, who: Person = officer) =>
  (
    await call('post', `/api/selections/${s.id}/candidacies`, who, {
      candidate: { name: `Applicant ${stamp}-${Math.random()}` },
      ...body,
    }).expect(201)
  ).body as TSelection;

export const selectionRow = (id: number) => t.db.prisma.selection.findUniqueOrThrow({ where: { id } });
export const auditCount = (entityType: string, entityId: number) =>
  t.db.prisma.auditEntry.count({ where: { entityType, entityId: String(entityId) } });
