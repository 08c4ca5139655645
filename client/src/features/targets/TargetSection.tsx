import type { TTargetLayer } from '@groundwork/server/contracts';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, useSession } from '../auth/api.ts';
import type { SeatSectionProps } from '../seat-map/measure.ts';
import {
  canEditTarget,
  conflictTarget,
  STATUS_LABELS,
  TARGET_STATUSES,
  useSeatTarget,
  useSetTarget,
  useTargetHistory,
  type HistoryEntry,
  type SeatTarget,
  type TargetStatus,
} from './api.ts';

export function fmtWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

interface RedWallFacts {
  redWall: boolean;
  redWallComputed: boolean;
  redWallOverride?: boolean | null | undefined;
  redWallReason?: string | null | undefined;
}

function redWallText(t: RedWallFacts): string {
  const flag = t.redWall ? 'Red wall' : 'Not red wall';
  if (t.redWallOverride === null || t.redWallOverride === undefined) return `${flag} (computed)`;
  return `${flag} (set by staff, computed: ${t.redWallComputed ? 'yes' : 'no'})${t.redWallReason ? ` – ${t.redWallReason}` : ''}`;
}

/** "Defend, tier 1", or "No target". */
export function targetSummary(t: Pick<TTargetLayer, 'status' | 'tier'>): string {
  if (t.status === 'NONE') return STATUS_LABELS.NONE;
  return `${STATUS_LABELS[t.status]}${t.tier === null ? '' : `, tier ${t.tier}`}`;
}

const NO_TARGET: TTargetLayer = { status: 'NONE', tier: null };

/**
 * A 2024 seat's target as the seat's detail carries it for this caller: status and tier, and at the
 * `full` level the rationale, the red-wall override, who set it and its history. Those allowed to edit
 * it get an inline editor, which fetches the target with its version only when opened.
 */
export function TargetSection({ seat }: SeatSectionProps) {
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const level = seat.layers.target;

  if (!level) {
    return (
      <section className="card-section target" aria-label="Target">
        <h3 className="card-section__title">Target</h3>
        <p>Sign in to see this seat&apos;s target.</p>
      </section>
    );
  }
  const t = seat.target ?? NO_TARGET;
  const full = level === 'full';
  const mayEdit = canEditTarget(session.data, seat.region.code);

  return (
    <section className="card-section target" aria-label="Target" data-status={t.status}>
      <h3 className="card-section__title">Target</h3>
      {editing ? (
        <TargetEditor code={seat.code} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="target__facts">
            <div>
              <dt>Status</dt>
              <dd data-testid="target-status">{targetSummary(t)}</dd>
            </div>
            {full && t.rationale && (
              <div>
                <dt>Rationale</dt>
                <dd className="target__rationale">{t.rationale}</dd>
              </div>
            )}
            {full && (
              <div>
                <dt>Red wall</dt>
                <dd data-testid="target-red-wall">
                  {redWallText({
                    redWall: seat.redWall,
                    redWallComputed: seat.redWallComputed,
                    redWallOverride: t.redWallOverride,
                    redWallReason: t.redWallReason,
                  })}
                </dd>
              </div>
            )}
          </dl>
          {full && (
            <p className="target__by">
              {!t.updatedAt
                ? 'No target has been set for this seat.'
                : `Set by ${t.updatedBy?.name ?? 'an unknown user'} on ${fmtWhen(t.updatedAt)}`}
            </p>
          )}
          {mayEdit && (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              Edit target
            </button>
          )}
        </>
      )}
      {full && <TargetHistory code={seat.code} />}
    </section>
  );
}

/** Loads the target with its version, fresh each time it opens, then shows the form. */
function TargetEditor({ code, onDone }: { code: string; onDone: () => void }) {
  const target = useSeatTarget(code);
  if (target.isPending || (target.isFetching && !target.isFetchedAfterMount)) {
    return (
      <p role="status" aria-busy="true">
        Loading the target…
      </p>
    );
  }
  if (target.isError) {
    return (
      <div role="alert">
        <p>The target could not be loaded: {errorMessage(target.error)}</p>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  return <TargetForm target={target.data} onDone={onDone} />;
}

type OverrideChoice = 'computed' | 'true' | 'false';

interface FormValues {
  status: TargetStatus;
  tier: string;
  rationale: string;
  override: OverrideChoice;
  reason: string;
  version: number;
}

function valuesOf(t: SeatTarget): FormValues {
  return {
    status: t.status,
    tier: t.tier === null ? '' : String(t.tier),
    rationale: t.rationale,
    override: t.redWallOverride === null ? 'computed' : t.redWallOverride ? 'true' : 'false',
    reason: t.redWallReason ?? '',
    version: t.version,
  };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  );
}

/** The inline editor. It keeps the version it read, so a save over someone else's change is refused. */
function TargetForm({ target, onDone }: { target: SeatTarget; onDone: () => void }) {
  const id = useId();
  const save = useSetTarget(target.code);
  const [values, setValues] = useState(() => valuesOf(target));
  const set = (change: Partial<FormValues>) => setValues((v) => ({ ...v, ...change }));
  const errors = fieldErrors(save.error);
  const conflict = conflictTarget(save.error);
  const other = !conflict && save.error && Object.keys(errors).length === 0 ? save.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const none = values.status === 'NONE';
    save.mutate(
      {
        status: values.status,
        tier: none || values.tier === '' ? null : Number(values.tier),
        rationale: values.rationale,
        redWallOverride: values.override === 'computed' ? null : values.override === 'true',
        redWallReason: values.override === 'computed' ? null : values.reason,
        version: values.version,
      },
      { onSuccess: onDone },
    );
  };
  const described = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="target-form" aria-label="Edit target" onSubmit={submit} noValidate>
      {conflict && (
        <div className="target-form__conflict" role="alert">
          <p>
            <strong>
              {conflict.updatedBy?.name ?? 'Someone else'} changed this target
              {conflict.updatedAt ? ` on ${fmtWhen(conflict.updatedAt)}` : ''} while you were editing.
            </strong>{' '}
            Your changes were not saved. Their version:
          </p>
          <ul>
            <li>Status: {targetSummary(conflict)}</li>
            <li>Rationale: {conflict.rationale || '(none)'}</li>
            <li>Red wall: {redWallText(conflict)}</li>
          </ul>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(valuesOf(conflict));
              save.reset();
            }}
          >
            Load their version
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-status`} className="field__label">
          Status
        </label>
        <select
          id={`${id}-status`}
          value={values.status}
          aria-invalid={!!errors.status}
          aria-describedby={described('status')}
          onChange={(e) => {
            const status = e.target.value as TargetStatus;
            set(status === 'NONE' ? { status, tier: '' } : { status });
          }}
        >
          {TARGET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-status-error`} message={errors.status} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tier`} className="field__label">
          Tier
        </label>
        <select
          id={`${id}-tier`}
          value={values.tier}
          disabled={values.status === 'NONE'}
          aria-invalid={!!errors.tier}
          aria-describedby={described('tier')}
          onChange={(e) => set({ tier: e.target.value })}
        >
          <option value="">{values.status === 'NONE' ? 'No tier' : 'Choose a tier'}</option>
          <option value="1">1 (top priority)</option>
          <option value="2">2</option>
          <option value="3">3</option>
        </select>
        <FieldError id={`${id}-tier-error`} message={errors.tier} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rationale`} className="field__label">
          Rationale
        </label>
        <textarea
          id={`${id}-rationale`}
          rows={3}
          maxLength={2000}
          value={values.rationale}
          aria-invalid={!!errors.rationale}
          aria-describedby={described('rationale')}
          onChange={(e) => set({ rationale: e.target.value })}
        />
        <FieldError id={`${id}-rationale-error`} message={errors.rationale} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-override`} className="field__label">
          Red-wall flag
        </label>
        <select
          id={`${id}-override`}
          value={values.override}
          aria-invalid={!!errors.redWallOverride}
          aria-describedby={described('redWallOverride')}
          onChange={(e) => set({ override: e.target.value as OverrideChoice })}
        >
          <option value="computed">Use computed ({target.redWallComputed ? 'yes' : 'no'})</option>
          <option value="true">Red wall</option>
          <option value="false">Not red wall</option>
        </select>
        <FieldError id={`${id}-redWallOverride-error`} message={errors.redWallOverride} />
      </div>
      {values.override !== 'computed' && (
        <div className="field">
          <label htmlFor={`${id}-reason`} className="field__label">
            Reason for overriding the red-wall flag
          </label>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={500}
            value={values.reason}
            aria-invalid={!!errors.redWallReason}
            aria-describedby={described('redWallReason')}
            onChange={(e) => set({ reason: e.target.value })}
          />
          <FieldError id={`${id}-redWallReason-error`} message={errors.redWallReason} />
        </div>
      )}
      {other && (
        <p className="state state--error" role="alert">
          The target was not saved: {errorMessage(other)}
        </p>
      )}
      <div className="target-form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save target'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  tier: 'Tier',
  rationale: 'Rationale',
  redWallOverride: 'Red-wall override',
  redWallReason: 'Red-wall reason',
};

function fmtValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (field === 'status' && typeof v === 'string' && v in STATUS_LABELS)
    return STATUS_LABELS[v as TargetStatus];
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  return (
    <li className="history__entry">
      <p className="history__who">
        <strong>{entry.actor?.name ?? 'System'}</strong> ·{' '}
        <time dateTime={entry.at}>{fmtWhen(entry.at)}</time>
      </p>
      <ul className="history__changes">
        {entry.changes.map((c) => (
          <li key={c.field}>
            {FIELD_LABELS[c.field] ?? c.field}: {fmtValue(c.field, c.before)} → {fmtValue(c.field, c.after)}
          </li>
        ))}
      </ul>
      {entry.source && <p className="history__source">Source: {entry.source}</p>}
      {entry.reason && <p className="history__source">Reason: {entry.reason}</p>}
    </li>
  );
}

/** The seat's target history, fetched when first opened. */
function TargetHistory({ code }: { code: string }) {
  const [open, setOpen] = useState(false);
  const history = useTargetHistory(code, open);
  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History</summary>
      {history.isPending ? (
        <p>{open ? 'Loading history…' : ''}</p>
      ) : history.isError ? (
        <p role="alert">The history could not be loaded: {errorMessage(history.error)}</p>
      ) : history.data.items.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <ol className="history__list">
          {history.data.items.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </details>
  );
}
