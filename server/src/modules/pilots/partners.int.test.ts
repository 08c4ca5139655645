import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TPartner } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let organiser: Person;
let member: Person;
let admin: Person;
let clpId: number;

beforeAll(async () => {
  clpId = (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } })).id;
  organiser = await signedInAs(t, 'organiser', { clpId });
  member = await signedInAs(t, 'member', { clpId });
  admin = await signedInAs(t, 'admin');
});

const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;
const add = (who: Person, body: object) => t.api.post('/api/partners').set(who.headers).send(body);
const pilotWith = (partnerIds: number[]) =>
  t.db.prisma.pilot.create({
    data: {
      clpId,
      title: 'Partnered pilot',
      issue: 'Pay at the warehouse',
      category: 'jobs_and_pay',
      kind: 'union_recruitment',
      statusOn: new Date('2026-10-01T00:00:00Z'),
      startsOn: new Date('2026-10-01T00:00:00Z'),
      partners: { create: partnerIds.map((partnerId) => ({ partnerId })) },
    },
  });

describe('partners', () => {
  it('adds union branches (with their union) and community groups, and refuses an exact duplicate', async () => {
    const name = unique('Blyth Unison branch');
    const res = await add(organiser, {
      name,
      kind: 'union_branch',
      unionName: 'Unison',
      contactRole: 'Branch secretary',
    }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name,
      kind: 'union_branch',
      unionName: 'Unison',
      contactRole: 'Branch secretary',
      pilotCount: 0,
      version: 1,
    });
    const noUnion = await add(organiser, { name: unique('Branch'), kind: 'union_branch' }).expect(400);
    expect(noUnion.body.error.details[0].field).toBe('unionName');
    const dup = await add(organiser, {
      name: name.toUpperCase(),
      kind: 'union_branch',
      unionName: 'UNISON',
    }).expect(409);
    expect(dup.body.error.message).toContain(name);
    expect(dup.body.error.details.existing.id).toBe(res.body.id);
    // The same name in another union is another branch.
    await add(organiser, { name, kind: 'union_branch', unionName: 'GMB' }).expect(201);
    const group = await add(organiser, {
      name: unique('Tenants'),
      kind: 'community_group',
      unionName: 'Unite',
    }).expect(201);
    expect(group.body.unionName).toBeNull();
    await add(member, { name: unique('Group'), kind: 'community_group' }).expect(403);
    const history = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'partner', entityId: String(res.body.id) },
    });
    expect(history).toHaveLength(1);
  });

  it('searches by name or union and kind, paged with a total', async () => {
    const tag = randomUUID().slice(0, 8);
    await add(organiser, { name: `Search ${tag} one`, kind: 'community_group' }).expect(201);
    await add(organiser, { name: `Search ${tag} two`, kind: 'union_branch', unionName: 'CWU' }).expect(201);
    const all = await t.api.get(`/api/partners?q=search%20${tag}`).set(member.headers).expect(200);
    expect(all.body.total).toBe(2);
    const branches = await t.api
      .get(`/api/partners?q=SEARCH%20${tag}&kind=union_branch`)
      .set(member.headers)
      .expect(200);
    expect(branches.body.items.map((p: TPartner) => p.unionName)).toEqual(['CWU']);
    const page = await t.api
      .get(`/api/partners?q=search%20${tag}&limit=1&offset=1`)
      .set(member.headers)
      .expect(200);
    expect(page.body).toMatchObject({ total: 2, items: [{ name: `Search ${tag} two` }] });
    await t.api.get('/api/partners').expect(401);
  });

  it('edits against the version read: a stale edit gets 409 with the current record', async () => {
    const p = (await add(organiser, { name: unique('Food bank'), kind: 'community_group' }).expect(201))
      .body as TPartner;
    const edited = await t.api
      .put(`/api/partners/${p.id}`)
      .set(organiser.headers)
      .send({ name: `${p.name} North`, kind: 'community_group', contactRole: 'Coordinator', version: 1 })
      .expect(200);
    expect(edited.body).toMatchObject({ version: 2, contactRole: 'Coordinator' });
    const stale = await t.api
      .put(`/api/partners/${p.id}`)
      .set(organiser.headers)
      .send({ name: 'Something else', kind: 'community_group', version: 1 })
      .expect(409);
    expect(stale.body.error.details.current).toMatchObject({ name: `${p.name} North`, version: 2 });
  });

  it('lets admins merge a duplicate: every pilot link moves to the survivor, none doubled, history on both', async () => {
    const keep = (
      await add(organiser, { name: unique('Tenants union'), kind: 'community_group' }).expect(201)
    ).body as TPartner;
    const dup = (
      await add(organiser, { name: unique('Tenants Union dup'), kind: 'community_group' }).expect(201)
    ).body as TPartner;
    const onlyDup = await pilotWith([dup.id]);
    const bothLinked = await pilotWith([dup.id, keep.id]);
    const onlyKeep = await pilotWith([keep.id]);
    const url = `/api/partners/${dup.id}/merge`;
    await t.api.post(url).set(organiser.headers).send({ intoId: keep.id }).expect(403);
    await t.api
      .post(`/api/partners/${keep.id}/merge`)
      .set(admin.headers)
      .send({ intoId: keep.id })
      .expect(422);
    const res = await t.api.post(url).set(admin.headers).send({ intoId: keep.id }).expect(200);
    expect(res.body).toMatchObject({ id: keep.id, pilotCount: 3 });
    const links = await t.db.prisma.pilotPartner.findMany({
      where: { pilotId: { in: [onlyDup.id, bothLinked.id, onlyKeep.id] } },
      orderBy: { pilotId: 'asc' },
    });
    expect(links).toEqual([
      { pilotId: onlyDup.id, partnerId: keep.id },
      { pilotId: bothLinked.id, partnerId: keep.id },
      { pilotId: onlyKeep.id, partnerId: keep.id },
    ]);
    expect((await t.db.prisma.partner.findUniqueOrThrow({ where: { id: dup.id } })).mergedIntoId).toBe(
      keep.id,
    );
    const listed = await t.api.get(`/api/partners?q=${encodeURIComponent(dup.name)}`).set(member.headers);
    expect(listed.body.items).toEqual([]);
    for (const id of [dup.id, keep.id]) {
      const entries = await t.db.prisma.auditEntry.findMany({
        where: { entityType: 'partner', entityId: String(id), action: 'update' },
      });
      expect(entries).toHaveLength(1);
    }
    // The duplicate's name is free again (its key went with the merge).
    await add(organiser, { name: dup.name, kind: 'community_group' }).expect(201);
    // Merged once is merged: neither merged again nor linked to a new pilot.
    await t.api.post(url).set(admin.headers).send({ intoId: keep.id }).expect(422);
    await t.api
      .put(`/api/partners/${dup.id}`)
      .set(admin.headers)
      .send({ ...dup, pilotCount: undefined, id: undefined })
      .expect(422);
  });
});

describe('partners under hostile input', () => {
  it('of ten identical adds at once keeps exactly one; spacing and case do not make another', async () => {
    const name = unique('Hostile  Tenants');
    const body = { name, kind: 'community_group' };
    const results = await Promise.all(Array.from({ length: 10 }, () => add(organiser, body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    const kept = results.find((r) => r.status === 201)!.body as TPartner;
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.error.details.existing.id).toBe(kept.id);
    }
    const respaced = await add(organiser, {
      name: ` ${name.replace('Hostile  Tenants', 'hostile tenants').toUpperCase()} `,
      kind: 'community_group',
    }).expect(409);
    expect(respaced.body.error.message).toContain(name);
    expect(await t.db.prisma.partner.count({ where: { name: { contains: name.slice(-8) } } })).toBe(1);
    // Renaming another record onto it is refused the same way.
    const other = (await add(organiser, { name: unique('Other'), kind: 'community_group' }).expect(201))
      .body as TPartner;
    const renamed = await t.api
      .put(`/api/partners/${other.id}`)
      .set(organiser.headers)
      .send({ name: name.toLowerCase(), kind: 'community_group', version: other.version })
      .expect(409);
    expect(renamed.body.error.details.existing.id).toBe(kept.id);
  });

  it('searches % and _ as themselves, not as wildcards', async () => {
    const tag = randomUUID().slice(0, 8);
    const plain = await add(organiser, { name: `Pay ${tag} campaign`, kind: 'community_group' }).expect(201);
    expect((await t.api.get('/api/partners?q=%25').set(member.headers).expect(200)).body.total).toBe(0);
    expect((await t.api.get('/api/partners?q=_').set(member.headers).expect(200)).body.total).toBe(0);
    const percent = await add(organiser, { name: `100% ${tag} pay`, kind: 'community_group' }).expect(201);
    const found = await t.api.get(`/api/partners?q=${encodeURIComponent(`0% ${tag}`)}`).set(member.headers);
    expect(found.body.items.map((p: TPartner) => p.id)).toEqual([percent.body.id]);
    const ids = (await t.api.get(`/api/partners?q=${tag}`).set(member.headers)).body.items.map(
      (p: TPartner) => p.id,
    );
    expect(ids.sort()).toEqual([plain.body.id, percent.body.id].sort());
  });

  it('of two opposite merges of one pair at once, one wins and the other gets 422; no link is lost', async () => {
    const a = (await add(organiser, { name: unique('Loop A'), kind: 'community_group' }).expect(201))
      .body as TPartner;
    const b = (await add(organiser, { name: unique('Loop B'), kind: 'community_group' }).expect(201))
      .body as TPartner;
    const pilots = [await pilotWith([a.id]), await pilotWith([b.id])];
    const merge = (from: number, into: number) =>
      t.api.post(`/api/partners/${from}/merge`).set(admin.headers).send({ intoId: into });
    const results = await Promise.all([merge(a.id, b.id), merge(b.id, a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const survivor = results.find((r) => r.status === 200)!.body as TPartner;
    expect(survivor.pilotCount).toBe(2);
    const rows = await t.db.prisma.partner.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.filter((r) => r.mergedIntoId === null).map((r) => r.id)).toEqual([survivor.id]);
    const links = await t.db.prisma.pilotPartner.findMany({
      where: { pilotId: { in: pilots.map((p) => p.id) } },
    });
    expect(links.map((l) => l.partnerId)).toEqual([survivor.id, survivor.id]);
  });

  it('of a merge into a record and that record merged onward at once, every link ends on a live partner', async () => {
    const [x, y, z] = await Promise.all(
      ['Chain X', 'Chain Y', 'Chain Z'].map(
        async (n) =>
          (await add(organiser, { name: unique(n), kind: 'community_group' }).expect(201)).body as TPartner,
      ),
    );
    const pilots = [await pilotWith([x!.id]), await pilotWith([y!.id]), await pilotWith([z!.id])];
    const merge = (from: number, into: number) =>
      t.api.post(`/api/partners/${from}/merge`).set(admin.headers).send({ intoId: into });
    const results = await Promise.all([merge(x!.id, y!.id), merge(y!.id, z!.id)]);
    // Either both in turn (X→Y, then Y→Z carrying X's links) or the second refused because Y was merged.
    expect(results.every((r) => r.status === 200 || r.status === 422)).toBe(true);
    const links = await t.db.prisma.pilotPartner.findMany({
      where: { pilotId: { in: pilots.map((p) => p.id) } },
      include: { partner: true },
    });
    expect(links).toHaveLength(3);
    expect(links.every((l) => l.partner.mergedIntoId === null)).toBe(true);
    // No merged record points at another merged record.
    const rows = await t.db.prisma.partner.findMany({
      where: { id: { in: [x!.id, y!.id, z!.id] } },
      include: { mergedInto: true },
    });
    expect(rows.every((r) => r.mergedInto === null || r.mergedInto.mergedIntoId === null)).toBe(true);
  });
});
