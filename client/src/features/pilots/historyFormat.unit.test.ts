import { describe, expect, it } from 'vitest';
import { describeChange, type HistoryPeople } from './historyFormat.ts';

const people: HistoryPeople = {
  organiser: { id: 2, name: 'Dana Organiser' },
  partners: [{ id: 1, name: 'Unite Blyth branch' }],
};
const say = (field: string, before: unknown, after: unknown) =>
  describeChange({ field, before, after }, people);

describe('a history line in words', () => {
  it('leaves out bookkeeping fields and lines where nothing changed', () => {
    expect(say('clpId', null, 63)).toBeNull();
    expect(say('notes', null, null)).toBeNull();
    expect(say('notes', '', null)).toBeNull();
    expect(say('partnerIds', [], null)).toBeNull();
    expect(say('title', 'Same', 'Same')).toBeNull();
  });

  it('names categories, kinds, statuses, activity types and counts by their labels', () => {
    expect(say('category', null, 'local_services')).toBe('Category: Local services');
    expect(say('type', 'one_to_one', 'stall')).toBe('Type: One-to-one → Stall');
    expect(say('status', 'planned', 'active')).toMatch(/^Status: Planned → \w/);
    expect(say('kind', null, 'community_organising')).toMatch(/^Kind: [A-Z][a-z]+ /);
    expect(say('conversations', 12, 1500)).toBe('Conversations: 12 → 1,500');
  });

  it('writes days as the page does and never shows coordinates', () => {
    expect(say('startsOn', '2026-09-01', '2026-11-14')).toBe('Starts: 1 Sept 2026 → 14 Nov 2026');
    expect(say('occurredOn', null, '2026-02-02T00:00:00.000Z')).toBe('Date: 2 Feb 2026');
    expect(say('location', null, { lat: 55.12345678, lng: -1.5 })).toBe('Location: a point on the map');
    expect(say('location', { lat: 55, lng: -1.5 }, { lat: 55.1, lng: -1.5 })).toBe(
      'Location: moved on the map',
    );
    expect(say('location', { lat: 55, lng: -1.5 }, null)).toBe('Location: a point on the map → —');
  });

  it("names the pilot's own organiser and partners, and nobody else", () => {
    expect(say('organiserId', null, 2)).toBe('Organiser: Dana Organiser');
    expect(say('organiserId', 2, 9)).toBe('Organiser: Dana Organiser → someone else');
    expect(say('partnerIds', null, [1])).toBe('Partners: Unite Blyth branch');
    expect(say('partnerIds', [1], [1, 7])).toBe(
      'Partners: Unite Blyth branch → Unite Blyth branch, a partner',
    );
  });
});
