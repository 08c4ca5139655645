import {
  ACTIVITY_COUNT_LABELS,
  ACTIVITY_COUNTS,
  ACTIVITY_CSV_COLUMNS,
  ACTIVITY_IMPORT_MAX_BYTES as MAX_BYTES,
  type TPilot,
} from '@groundwork/server/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { useSession } from '../auth/api.ts';
import { saveFile } from '../../ui/saveFile.ts';
import {
  importErrors,
  invalidatePilotActivity,
  sendImport,
  type ImportError,
  type ImportPreview,
  type Progress,
} from './activitiesApi.ts';
import { newIdempotencyKey } from './offlineQueue.ts';
import { importSummary } from './words.ts';
import './activities.css';

export const IMPORT_HEADER = Object.keys(ACTIVITY_CSV_COLUMNS).join(',');
const TEMPLATE = `${IMPORT_HEADER}\r\n2026-11-14,door_knocking,6,48,2,0,1,,Estate near the bus depot\r\n`;

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; apply: boolean; progress: Progress }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'done'; created: number; alreadyImported: number }
  | { kind: 'failed'; message: string; errors?: ImportError[] | undefined };

/** Bring in many activities from a spreadsheet: preview first (rows, totals, every error), then apply all. */
export function ActivityImport(props: { pilot: TPilot }) {
  const { pilot } = props;
  const id = useId();
  const session = useSession();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  // Made when a file is chosen and sent with every apply of it: applying it again adds nothing.
  const [fileKey, setFileKey] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  // The button pressed is disabled while sending, so focus would drop to the page: put it on the answer.
  const answer = useRef<HTMLDivElement>(null);
  const failure = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (step.kind === 'preview' || step.kind === 'done') answer.current?.focus();
    if (step.kind === 'failed') failure.current?.focus();
  }, [step.kind]);

  if (!pilot.can.edit) return <></>;

  async function send(apply: boolean) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setStep({ kind: 'failed', message: 'The file is larger than 2 MB: split it into smaller files.' });
      return;
    }
    setStep({ kind: 'sending', apply, progress: { loaded: 0, total: file.size, phase: 'upload' } });
    try {
      const result = await sendImport({
        pilotId: pilot.id,
        file,
        fileKey,
        apply,
        csrfToken: session.data?.csrfToken,
        onProgress: (progress) => setStep({ kind: 'sending', apply, progress }),
      });
      if (result.kind === 'preview') setStep({ kind: 'preview', preview: result.preview });
      else {
        setStep({ kind: 'done', created: result.created, alreadyImported: result.alreadyImported });
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        await invalidatePilotActivity(queryClient, pilot.id);
      }
    } catch (error) {
      // A refused apply (422) lists the rows at fault, as the preview did; nothing was written.
      const errors = error instanceof ApiError ? importErrors(error.details) : undefined;
      setStep({ kind: 'failed', message: errorMessage(error), errors });
    }
  }

  const preview = step.kind === 'preview' ? step.preview : undefined;
  const sending = step.kind === 'sending';
  return (
    <section className="pilot-section activity-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import activities from a CSV file</h3>
      <p className="muted">
        The first line must be this header; dates as YYYY-MM-DD, the type as its code or its name, counts as
        whole numbers or empty. Nothing is imported unless every row is right.
      </p>
      <pre className="activity-import__header">{IMPORT_HEADER}</pre>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => saveFile(new Blob([TEMPLATE], { type: 'text/csv' }), 'activities-template.csv')}
      >
        Download a template
      </button>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          CSV file
        </label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          disabled={sending}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileKey(newIdempotencyKey());
            setStep({ kind: 'idle' });
          }}
        />
      </div>
      <button type="button" className="button" disabled={!file || sending} onClick={() => void send(false)}>
        Check the file
      </button>

      {step.kind === 'sending' && (
        <div className="activity-import__progress">
          <label htmlFor={`${id}-progress`}>
            {step.progress.phase === 'upload'
              ? `Uploading ${pct(step.progress)}%`
              : step.apply
                ? 'Importing…'
                : 'Checking every row…'}
          </label>
          <progress
            id={`${id}-progress`}
            max={step.progress.total || 1}
            value={step.progress.phase === 'upload' ? step.progress.loaded : undefined}
          />
        </div>
      )}
      <div role="status" className="activity-import__status" ref={answer} tabIndex={-1}>
        {step.kind === 'done' && doneMessage(step.created, step.alreadyImported)}
        {preview && importSummary(preview)}
      </div>
      {step.kind === 'failed' && (
        <p className="form__error" role="alert" ref={failure} tabIndex={-1}>
          {step.message}
        </p>
      )}
      {preview && preview.valid > 0 && (
        <p>{preview.errors.length ? 'The rows without a problem would add:' : 'Importing the file adds:'}</p>
      )}
      {preview && preview.valid > 0 && <Totals preview={preview} />}
      {preview && preview.rows === 0 && <p>The file has no rows under its header.</p>}
      {preview && preview.errors.length > 0 && (
        <p>Fix these rows in the file and check it again: nothing is imported while any row has a problem.</p>
      )}
      {preview && <RowErrors errors={preview.errors} />}
      {step.kind === 'failed' && step.errors && <RowErrors errors={step.errors} />}
      {step.kind === 'preview' && preview && preview.errors.length === 0 && preview.rows > 0 && (
        <button type="button" className="button" onClick={() => void send(true)}>
          Import {preview.rows} {preview.rows === 1 ? 'activity' : 'activities'}
        </button>
      )}
    </section>
  );
}

const activities = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'activity' : 'activities'}`;

/** What an apply did; rows an earlier try of the same file made (its answer lost) are said as such. */
function doneMessage(created: number, alreadyImported: number): string {
  if (alreadyImported === 0) return `Imported ${activities(created)}.`;
  if (created === 0)
    return `This file was already imported (${activities(alreadyImported)}); nothing was added.`;
  return `Imported ${activities(created)}; ${alreadyImported.toLocaleString('en-GB')} more were already imported.`;
}

function pct(p: Progress): number {
  return p.total ? Math.round((p.loaded / p.total) * 100) : 0;
}

function Totals(props: { preview: ImportPreview }) {
  const { preview } = props;
  return (
    <dl className="activity__counts" aria-label="Totals of the rows ready to import">
      <div>
        <dt>Activities</dt>
        <dd>{preview.totals.activities.toLocaleString('en-GB')}</dd>
      </div>
      {ACTIVITY_COUNTS.map((c) => (
        <div key={c}>
          <dt>{ACTIVITY_COUNT_LABELS[c]}</dt>
          <dd>{preview.totals[c].toLocaleString('en-GB')}</dd>
        </div>
      ))}
    </dl>
  );
}

function RowErrors(props: { errors: ImportError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="activity-table activity-import__errors">
        <caption>Rows to fix before anything is imported</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {props.errors.map((e, i) => (
            <tr key={`${e.line}-${e.field}-${i}`}>
              <th scope="row">{e.line}</th>
              <td>{e.field}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
