// How a pilot appears in its history (field by field), and the day a status takes effect by default.
import { day } from './pilot-reads.ts';

export const AUDITED = [
  'title',
  'issue',
  'category',
  'kind',
  'status',
  'statusOn',
  'startsOn',
  'endsOn',
  'goals',
  'organiserId',
  'location',
  'partnerIds',
  'outcome',
  'evidenceLinks',
  'lessons',
] as const;

/** A pilot as its history speaks of it: dates as days, the point as "lat,lng", partners as sorted ids. */
export function auditView(p: {
  title: string;
  issue: string;
  category: string;
  kind: string;
  status: string;
  statusOn: Date;
  startsOn: Date;
  endsOn: Date | null;
  goals: string;
  organiserId: number | null;
  latitude: number | null;
  longitude: number | null;
  outcome: string;
  evidenceLinks: string[];
  lessons: string;
  partnerIds: number[];
}) {
  return {
    ...p,
    statusOn: day(p.statusOn),
    startsOn: day(p.startsOn),
    endsOn: p.endsOn ? day(p.endsOn) : null,
    location: p.latitude != null && p.longitude != null ? `${p.latitude},${p.longitude}` : null,
    partnerIds: [...p.partnerIds].sort((a, b) => a - b),
  };
}

/** Today in the UK, where the pilots are: a status set late in the evening belongs to that day. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}
