import type { RoleName } from '../auth/api.ts';
import { ROLE_LABELS } from '../auth/roles.ts';
import type { AdminGrant } from './api.ts';

export type GrantStatus = 'active' | 'revoked' | 'ended' | 'scheduled';

export const STATUS_LABELS: Record<GrantStatus, string> = {
  active: 'Active',
  revoked: 'Revoked',
  ended: 'Ended',
  scheduled: 'Not started',
};

/** Revoked wins over ended: a revoked grant stays revoked whatever its end date. */
export function grantStatus(g: AdminGrant, now = Date.now()): GrantStatus {
  if (g.revokedAt !== null) return 'revoked';
  if (g.active) return 'active';
  if (g.endsAt !== null && new Date(g.endsAt).getTime() <= now) return 'ended';
  return 'scheduled';
}

/** "Regional staff · North East", "Organiser · Blyth and Ashington CLP", "Admin". */
export function describeAdminGrant(g: AdminGrant): string {
  const role = ROLE_LABELS[g.role];
  if (g.clp) return `${role} · ${g.clp.name}`;
  if (g.region) return `${role} · ${g.region.name}`;
  return role;
}

// Made on first use: the first DateTimeFormat of a page loads locale data (tens of milliseconds), and the
// map page imports this module too, so building them at import would delay its first paint.
let dateFmt: Intl.DateTimeFormat | undefined;
let dateTimeFmt: Intl.DateTimeFormat | undefined;

export function fmtDate(iso: string): string {
  dateFmt ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return dateFmt.format(new Date(iso));
}

export function fmtDateTime(iso: string): string {
  dateTimeFmt ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return dateTimeFmt.format(new Date(iso));
}

/** A date picked in a date input (local day), as the end of that day in ISO form for the API. */
export function endOfDayIso(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/** Today in a date input's format (local), for its `min`. */
export function todayInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A history value in plain words. */
export function fmtValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2}T/.test(value) ? fmtDateTime(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The server's field messages are phrases ("is required"): put the field's name in front. */
export function withLabel(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/** Field names of user and role-grant history in words, as the target history has its FIELD_LABELS. */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  email: 'Email',
  name: 'Name',
  userId: 'User',
  role: 'Role',
  clpId: 'CLP',
  regionCode: 'Region',
  startsAt: 'Starts',
  endsAt: 'Ends',
  revokedAt: 'Revoked',
};

/**
 * One change of a history entry in plain words. Disabling and enabling are said as such ("Account
 * disabled: 2 Dec 2026, 09:04", "Account enabled (disabled since …)") rather than as the raw field
 * `disabledAt` going from nothing to a date and back.
 */
export function describeHistoryChange(change: { field: string; before: unknown; after: unknown }): string {
  const { field, before, after } = change;
  if (field === 'disabledAt') {
    if (after !== null && after !== undefined) return `Account disabled: ${fmtValue(after)}`;
    return before === null || before === undefined
      ? 'Account enabled'
      : `Account enabled (disabled since ${fmtValue(before)})`;
  }
  const value = (v: unknown) =>
    field === 'role' && typeof v === 'string' && v in ROLE_LABELS ? ROLE_LABELS[v as RoleName] : fmtValue(v);
  return `${HISTORY_FIELD_LABELS[field] ?? field}: ${value(before)} → ${value(after)}`;
}
