import {
  ACTIVITY_COUNT_LABELS,
  ACTIVITY_TYPE_LABELS,
  PILOT_CATEGORY_LABELS,
  PILOT_KIND_LABELS,
  PILOT_STATUS_LABELS,
} from '@groundwork/server/contracts';
import { fmtDateTime } from '../admin/format.ts';
import { fmtDay } from './format.ts';

/** The pilot's and its activities' fields in the words the pages use. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  issue: 'Issue',
  category: 'Category',
  kind: 'Kind',
  status: 'Status',
  statusOn: 'Status since',
  startsOn: 'Starts',
  endsOn: 'Ends',
  goals: 'Goals',
  organiserId: 'Organiser',
  location: 'Location',
  partnerIds: 'Partners',
  outcome: 'Outcome',
  evidenceLinks: 'Evidence links',
  lessons: 'Lessons',
  occurredOn: 'Date',
  type: 'Type',
  ...ACTIVITY_COUNT_LABELS,
  notes: 'Notes',
  body: 'Comment',
  deletedAt: 'Deleted',
};

/** Fields that mean nothing to a reader (the CLP cannot change; ids are bookkeeping). */
const HIDDEN = new Set(['clpId', 'originId', 'id', 'pilotId', 'version', 'idempotencyKey', 'createdById']);
const DAYS = new Set(['statusOn', 'startsOn', 'endsOn', 'occurredOn']);
const ENUMS: Record<string, Record<string, string>> = {
  category: PILOT_CATEGORY_LABELS,
  kind: PILOT_KIND_LABELS,
  status: PILOT_STATUS_LABELS,
  type: ACTIVITY_TYPE_LABELS,
};

/** Who the ids in the history may name: the pilot as it is now. */
export interface HistoryPeople {
  organiser?: { id: number; name: string } | null | undefined;
  partners: { id: number; name: string }[];
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function fmtOne(field: string, v: unknown, people: HistoryPeople): string {
  if (isEmpty(v)) return '—';
  if (DAYS.has(field) && typeof v === 'string') return fmtDay(v);
  if (field === 'deletedAt' && typeof v === 'string') return fmtDateTime(v);
  if (ENUMS[field] && typeof v === 'string') return ENUMS[field][v] ?? v;
  if (field === 'location') return 'a point on the map';
  if (field === 'organiserId') {
    return people.organiser && v === people.organiser.id ? people.organiser.name : 'someone else';
  }
  if (field === 'partnerIds' && Array.isArray(v)) {
    return v.map((id) => people.partners.find((p) => p.id === id)?.name ?? 'a partner').join(', ');
  }
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'number') return v.toLocaleString('en-GB');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/**
 * One recorded change in words ("Category: Transport → Local services"), or null when there is nothing
 * to say: a bookkeeping field, or a value that did not really change (empty before and after).
 */
export function describeChange(
  c: { field: string; before: unknown; after: unknown },
  people: HistoryPeople,
): string | null {
  if (HIDDEN.has(c.field)) return null;
  if (isEmpty(c.before) && isEmpty(c.after)) return null;
  if (JSON.stringify(c.before) === JSON.stringify(c.after)) return null;
  const label = FIELD_LABELS[c.field] ?? c.field;
  const after = fmtOne(c.field, c.after, people);
  // A moved point: both sides would read "a point on the map".
  if (c.field === 'location' && !isEmpty(c.before) && !isEmpty(c.after)) return 'Location: moved on the map';
  if (isEmpty(c.before)) return `${label}: ${after}`;
  return `${label}: ${fmtOne(c.field, c.before, people)} → ${after}`;
}
