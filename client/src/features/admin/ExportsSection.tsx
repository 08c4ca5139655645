import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors } from '../auth/api.ts';
import {
  EXPORTS_PAGE_SIZE,
  PURPOSE_MAX_LENGTH,
  PURPOSE_MIN_LENGTH,
  useExportRecords,
  useExportUsers,
} from './api.ts';
import { Field } from '../../ui/Field.tsx';
import { fmtDateTime, withLabel } from './format.ts';
import { Pager } from './Pager.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

/** The users CSV (personal data: every download states why and is recorded) and the record itself. */
export function ExportsSection() {
  const exportUsers = useExportUsers();
  const [purpose, setPurpose] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const [offset, setOffset] = useState(0);
  const records = useExportRecords(offset);
  const recordsTitle = useId();

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = purpose.trim();
    const problem =
      text.length < PURPOSE_MIN_LENGTH
        ? `Say why you need this data (at least ${PURPOSE_MIN_LENGTH} characters)`
        : text.length > PURPOSE_MAX_LENGTH
          ? `Use at most ${PURPOSE_MAX_LENGTH} characters`
          : undefined;
    setLocal(problem);
    exportUsers.reset();
    if (problem) return;
    exportUsers.mutate(text, {
      onSuccess: () => {
        setPurpose('');
        setOffset(0);
      },
    });
  }

  const server = fieldErrors(exportUsers.error);
  const error = local ?? withLabel('Purpose', server.purpose);
  const general = exportUsers.isError && !server.purpose;

  return (
    <section className="admin-section" aria-labelledby="admin-exports-title">
      <div className="admin-section__head">
        <h2 id="admin-exports-title">Personal data exports</h2>
      </div>
      <form className="form admin-export-form" onSubmit={submit} noValidate>
        <Field
          label="Why do you need the users list?"
          hint={`Required, ${PURPOSE_MIN_LENGTH} to ${PURPOSE_MAX_LENGTH} characters. It is kept in the record below with your name.`}
          error={error}
        >
          {(a) => <textarea {...a} rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
        </Field>
        {general && (
          <p className="form__error" role="alert">
            {errorMessage(exportUsers.error)}
          </p>
        )}
        <p role="status" className="admin-muted">
          {exportUsers.isSuccess ? `Downloaded ${exportUsers.data}; the export has been recorded.` : ''}
        </p>
        <FormActions submit="Export users (CSV)" busyLabel="Preparing…" busy={exportUsers.isPending} />
      </form>

      <h3 id={recordsTitle} className="admin-panel__subhead">
        Export record
      </h3>
      {records.isError ? (
        <p className="state state--error" role="alert">
          {errorMessage(records.error)}
        </p>
      ) : !records.data ? (
        <p className="state" role="status">
          Loading the export record…
        </p>
      ) : records.data.items.length === 0 ? (
        <p className="admin-muted">No personal data has been exported yet.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="seat-table admin-table" aria-labelledby={recordsTitle}>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Data</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col">Purpose</th>
                </tr>
              </thead>
              <tbody>
                {records.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{fmtDateTime(r.at)}</td>
                    <td>{r.user ? `${r.user.name} (${r.user.email})` : 'A deleted user'}</td>
                    <td>{r.dataset}</td>
                    <td className="num">{r.rowCount}</td>
                    <td className="admin-table__wrap">{r.purpose}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Export record pages"
            offset={offset}
            pageSize={EXPORTS_PAGE_SIZE}
            total={records.data.total}
            onOffset={setOffset}
          />
        </>
      )}
    </section>
  );
}
