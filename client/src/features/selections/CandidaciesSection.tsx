import {
  CANDIDACY_STAGE_LABELS,
  NOMINATOR_KIND_LABELS,
  type TCandidacy,
  type TConsentField,
  type TSelection,
} from '@groundwork/server/contracts';
import { useState } from 'react';
import { fmtDay } from '../pilots/format.ts';
import { ApplicantForm } from './ApplicantForm.tsx';
import { CandidacyEditor } from './CandidacyEditor.tsx';
import { CandidateEditor } from './CandidateEditor.tsx';
import { CONSENT_FIELD_LABELS, ConsentPanel } from './ConsentPanel.tsx';
import { SENSITIVE_NOTE } from './CandidateInputs.tsx';
import { flagWords } from './words.ts';

const shown = (v: string | number | boolean | null) =>
  typeof v === 'boolean' || v === null ? flagWords(v) : String(v);

function stageWords(c: TCandidacy): string {
  const stage = CANDIDACY_STAGE_LABELS[c.stage];
  return c.withdrawnAfter
    ? `${stage} after ${CANDIDACY_STAGE_LABELS[c.withdrawnAfter].toLowerCase()}`
    : stage;
}

function Candidacy(props: { selectionId: number; candidacy: TCandidacy; canEdit: boolean }) {
  const c = props.candidacy;
  const [editing, setEditing] = useState<'candidacy' | 'details' | null>(null);
  const published = Object.entries(c.published).filter(([k]) => k !== 'name');
  const p = c.personal;
  return (
    <li className="candidacy" data-candidacy={c.id}>
      <div className="candidacy__head">
        <h4 className="candidacy__name">{c.label}</h4>
        <span className="candidacy__stage">{stageWords(c)}</span>
      </div>
      {c.nominations.length > 0 ? (
        <ul className="candidacy__nominations" aria-label={`Nominations of ${c.label}`}>
          {c.nominations.map((n) => (
            <li key={n.id}>
              {n.name} ({NOMINATOR_KIND_LABELS[n.kind]}){n.receivedOn ? `, ${fmtDay(n.receivedOn)}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No nominations recorded.</p>
      )}
      {published.length > 0 && (
        <p className="candidacy__published">
          {published
            .map(([k, v]) => `${CONSENT_FIELD_LABELS[k as TConsentField] ?? k}: ${shown(v)}`)
            .join(' · ')}
        </p>
      )}
      {p && (
        <div className="candidacy__personal">
          <p className="selection-sensitive__note">{SENSITIVE_NOTE}</p>
          <p>
            {p.candidate.occupation || 'Occupation not recorded'} · lives locally: {flagWords(p.livesLocally)}
            {p.yearsLocal !== null ? ` (${p.yearsLocal} years)` : ''}
          </p>
        </div>
      )}
      {props.canEdit && p && editing === null && (
        <div className="candidacy__actions">
          <button type="button" className="button button--secondary" onClick={() => setEditing('candidacy')}>
            Change stage or nominations<span className="visually-hidden"> of {c.label}</span>
          </button>
          <button type="button" className="button button--secondary" onClick={() => setEditing('details')}>
            Edit details<span className="visually-hidden"> of {c.label}</span>
          </button>
        </div>
      )}
      {editing === 'candidacy' && (
        <CandidacyEditor selectionId={props.selectionId} candidacy={c} onDone={() => setEditing(null)} />
      )}
      {editing === 'details' && (
        <CandidateEditor selectionId={props.selectionId} candidacy={c} onDone={() => setEditing(null)} />
      )}
      {props.canEdit && p && (
        <details className="candidacy__consent">
          <summary>Consent to publish</summary>
          <ConsentPanel selectionId={props.selectionId} candidacy={c} />
        </details>
      )}
    </li>
  );
}

/** The applicants: as members see them (consented fields only), and for officers, everything. */
export function CandidaciesSection(props: { selection: TSelection }) {
  const s = props.selection;
  const [adding, setAdding] = useState(false);
  return (
    <section className="selection-panel" aria-labelledby="selection-candidacies">
      <h3 id="selection-candidacies">Applicants</h3>
      {s.candidacies.length === 0 ? (
        <p className="muted">No applicants yet.</p>
      ) : (
        <ul className="candidacy-list">
          {s.candidacies.map((c) => (
            <Candidacy key={c.id} selectionId={s.id} candidacy={c} canEdit={s.canEdit} />
          ))}
        </ul>
      )}
      {s.canEdit &&
        (adding ? (
          <ApplicantForm selection={s} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add an applicant
          </button>
        ))}
    </section>
  );
}
