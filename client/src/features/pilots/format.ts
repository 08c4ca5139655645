import {
  PILOT_ENDED_STATUSES,
  PILOT_RUNNING_STATUSES,
  type TPilotStatus,
} from '@groundwork/server/contracts';
import type { Grant } from '../auth/api.ts';

let dayFmt: Intl.DateTimeFormat | undefined;

/** A YYYY-MM-DD day in words ("14 Nov 2026"), read as a calendar day whatever the time zone. */
export function fmtDay(day: string | null | undefined): string {
  if (!day) return '—';
  dayFmt ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : dayFmt.format(d);
}

/** "14 Nov 2026 – 30 Mar 2027", or "From 14 Nov 2026" while open-ended. */
export function fmtSpan(startsOn: string, endsOn: string | null): string {
  return endsOn ? `${fmtDay(startsOn)} – ${fmtDay(endsOn)}` : `From ${fmtDay(startsOn)}`;
}

export function fmtCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** Today as a local YYYY-MM-DD, the default for date inputs. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isEnded(status: TPilotStatus): boolean {
  return PILOT_ENDED_STATUSES.includes(status);
}

/** The badge's tone; its text always says the status too, so colour is never the only signal. */
export function statusTone(status: TPilotStatus): 'running' | 'planned' | 'ended' {
  if (PILOT_RUNNING_STATUSES.includes(status)) return 'running';
  return status === 'planned' ? 'planned' : 'ended';
}

/** The CLPs where the user may start pilots: those they organise (admins choose any CLP by search). */
export function organiserClps(grants: readonly Grant[]): { id: number; name: string }[] {
  const out = new Map<number, string>();
  for (const g of grants) {
    if (g.role === 'organiser' && g.clpId !== null) out.set(g.clpId, g.clp?.name ?? `CLP ${g.clpId}`);
  }
  return [...out].map(([id, name]) => ({ id, name }));
}

export function isAdmin(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === 'admin');
}

/** The server's field messages are phrases ("must be …"): put the field's name in front. */
export function withLabel(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
