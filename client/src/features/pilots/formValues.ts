import type {
  TCreatePilotRequest,
  TLocation,
  TPartner,
  TPilot,
  TPilotCategory,
  TPilotKind,
  TPilotStatus,
  TUpdatePilotRequest,
} from '@groundwork/server/contracts';
import { ApiError } from '../../api/ApiError.ts';
import { fieldErrors } from '../auth/api.ts';
import { today } from './format.ts';

/** The pilot form as typed: strings as the inputs hold them, turned into a request on saving. */
export interface PilotFormValues {
  title: string;
  issue: string;
  category: TPilotCategory | '';
  kind: TPilotKind | '';
  status: TPilotStatus;
  statusOn: string;
  startsOn: string;
  endsOn: string;
  goals: string;
  /** '' = the creator (new pilot) or nobody chosen. */
  organiserId: string;
  partners: TPartner[];
  location: TLocation | null;
}

export type PilotFormErrors = Record<string, string | undefined>;

export function emptyValues(): PilotFormValues {
  return {
    title: '',
    issue: '',
    category: '',
    kind: '',
    status: 'planned',
    statusOn: today(),
    startsOn: today(),
    endsOn: '',
    goals: '',
    organiserId: '',
    partners: [],
    location: null,
  };
}

export function valuesOf(p: TPilot): PilotFormValues {
  return {
    title: p.title,
    issue: p.issue,
    category: p.category,
    kind: p.kind,
    status: p.status,
    statusOn: p.statusOn,
    startsOn: p.startsOn,
    endsOn: p.endsOn ?? '',
    goals: p.goals,
    organiserId: p.organiser ? String(p.organiser.id) : '',
    partners: p.partners,
    location: p.location,
  };
}

/** What the browser can tell before asking the server, in the server's words where it has them. */
export function localProblems(v: PilotFormValues): PilotFormErrors {
  const out: PilotFormErrors = {};
  if (v.title.trim().length < 3) out.title = 'Give the pilot a title (at least 3 characters)';
  if (v.issue.trim().length < 3) out.issue = 'Describe the local issue (at least 3 characters)';
  if (!v.category) out.category = 'Choose a category';
  if (!v.kind) out.kind = 'Choose a kind';
  if (!v.startsOn) out.startsOn = 'Enter the start date';
  if (v.endsOn && v.startsOn && v.endsOn < v.startsOn)
    out.endsOn = 'End date must be on or after the start date';
  return out;
}

function fields(v: PilotFormValues) {
  return {
    title: v.title.trim(),
    issue: v.issue.trim(),
    category: v.category as TPilotCategory,
    kind: v.kind as TPilotKind,
    status: v.status,
    ...(v.statusOn ? { statusOn: v.statusOn } : {}),
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    goals: v.goals.trim(),
    ...(v.organiserId ? { organiserId: Number(v.organiserId) } : {}),
    location: v.location,
    partnerIds: v.partners.map((p) => p.id),
  };
}

export function toCreate(v: PilotFormValues, clpId: number): TCreatePilotRequest {
  return { ...fields(v), clpId };
}

/**
 * An edit sends every field (the server replaces the record), so the parts this form does not show —
 * the outcome, evidence and lessons — go back as the pilot has them.
 */
export function toUpdate(v: PilotFormValues, pilot: TPilot, version: number): TUpdatePilotRequest {
  const { statusOn, ...rest } = fields(v);
  return {
    ...rest,
    // The status date only means something when the status changes.
    ...(v.status !== pilot.status && statusOn ? { statusOn } : {}),
    outcome: pilot.outcome,
    evidenceLinks: pilot.evidenceLinks,
    lessons: pilot.lessons,
    version,
  };
}

/** An update that changes only what `change` says, keeping everything else as the pilot has it. */
export function updateFrom(pilot: TPilot, change: Partial<TUpdatePilotRequest>): TUpdatePilotRequest {
  return { ...toUpdate(valuesOf(pilot), pilot, pilot.version), ...change };
}

/** The server's field messages keyed by the form's fields ("location.lat" → location, "partnerIds.0" → partners). */
export function serverErrors(error: unknown): PilotFormErrors {
  const out: PilotFormErrors = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const head = field.split('.')[0] ?? field;
    const key = head === 'partnerIds' ? 'partners' : head;
    (out as Record<string, string>)[key] ??= message;
  }
  if (error instanceof ApiError && Object.keys(out).length === 0 && error.status !== 409) {
    out.form = error.userMessage;
  }
  return out;
}

/** The errors still worth showing: not those of fields changed since the submit that found them. */
export function errorsShown(
  errors: PilotFormErrors,
  edited: ReadonlySet<string>,
  clpChanged: boolean,
): PilotFormErrors {
  const out: PilotFormErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (edited.has(k) || (k === 'clpId' && clpChanged)) continue;
    out[k] = v;
  }
  return out;
}
