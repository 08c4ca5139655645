import { ELECTION_TYPE_LABELS, selectionIdFromPath } from '@groundwork/server/contracts';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { useSelection } from './api.ts';
import { BallotSection } from './BallotSection.tsx';
import { CandidaciesSection } from './CandidaciesSection.tsx';
import { ComplianceBadge } from './ComplianceBadge.tsx';
import { CompliancePanel, CompositionPanel } from './CompliancePanel.tsx';
import { ImpositionForm, RuleOverrideForm } from './RulesForms.tsx';
import { StageDatesForm, StageForm } from './StageForm.tsx';
import { StageTimeline } from './StageTimeline.tsx';
import './selections.css';

/** /selections/<id>: one selection for everyone, with the officer's controls for its officers. */
export default function SelectionPage() {
  const [id] = useState(() => selectionIdFromPath(window.location.pathname) ?? 0);
  const query = useSelection(id);

  if (query.isPending) {
    return (
      <p className="state" role="status">
        Loading the selection…
      </p>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    return (
      <div className="state state--error" role="alert">
        <p>
          {status === 404
            ? 'There is no such selection.'
            : `The selection could not be loaded: ${errorMessage(query.error)}`}
        </p>
        <a href="/selections">Back to selections</a>
      </div>
    );
  }
  const s = query.data;
  const worst = s.compliance.rules.find((r) => r.state === s.compliance.overall);

  return (
    <article className="selection-page" aria-labelledby="selection-title" data-selection={s.id}>
      <p className="selections-page__back">
        <a href={`/selections?clp=${s.clp.id}`}>{s.clp.name}: selections</a>
      </p>
      <header className="selection-page__head">
        <h2 id="selection-title">
          {s.area}: {ELECTION_TYPE_LABELS[s.electionType]}
        </h2>
        <p className="selection-card__meta">
          {s.clp.name} · {s.region.name}
          {s.sittingMember ? ' · sitting member' : ''}
          {s.imposed ? ` · imposed${s.imposedSource ? ` (source: ${s.imposedSource})` : ''}` : ''}
        </p>
        <p className="selection-page__overall">
          Overall:{' '}
          <ComplianceBadge
            state={s.compliance.overall}
            label="Overall"
            reason={worst ? worst.reason : 'No rule applies to this selection.'}
          />
        </p>
      </header>
      <div className="selection-page__columns">
        <div className="selection-page__main">
          <section className="selection-panel" aria-labelledby="selection-stages">
            <h3 id="selection-stages">Stages</h3>
            <StageTimeline selection={s} label="Stages of this selection" />
            {s.canEdit && <StageForm selection={s} />}
            {s.canEdit && (
              <details className="selection-more">
                <summary>Set the stage dates</summary>
                <StageDatesForm selection={s} />
              </details>
            )}
          </section>
          <CandidaciesSection selection={s} />
          <BallotSection selection={s} />
        </div>
        <div className="selection-page__side">
          <CompliancePanel selection={s} />
          {s.canEdit && (
            <section className="selection-panel" aria-label="Officer: imposition and rule overrides">
              <ImpositionForm selection={s} />
              <RuleOverrideForm selection={s} />
            </section>
          )}
          <CompositionPanel selection={s} />
        </div>
      </div>
    </article>
  );
}
