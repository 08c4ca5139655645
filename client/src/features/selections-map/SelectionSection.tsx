import { SELECTION_STAGE_LABELS } from '@groundwork/server/contracts';
import type { SeatSectionProps } from '../seat-map/measure.ts';
import { COMPLIANCE_LABELS } from './labels.ts';
import './selectionsMap.css';

/**
 * The seat card's selection: the stage of the seat's latest general or by-election selection and whether
 * it keeps the rules, linking to its page. From the seat's own detail (the selection layer), so nothing
 * more is fetched; shown only where the detail carries the layer (signed in).
 */
export function SelectionSection({ seat }: SeatSectionProps) {
  if (!seat.layers.selection || !seat.selection) return null;
  const { selectionId, selectionStage, selectionCompliance, selectionBroken } = seat.selection;

  return (
    <section className="card-section seat-selection" aria-label="Selection">
      <h3 className="card-section__title">Selection</h3>
      {selectionId === null || selectionStage === null ? (
        <p className="seat-selection__empty">No general or by-election selection recorded here.</p>
      ) : (
        <>
          <p className="seat-selection__stage">
            Stage: <strong>{SELECTION_STAGE_LABELS[selectionStage]}</strong>
          </p>
          {selectionCompliance && (
            <p className="seat-selection__state">
              <span className="badge seat-selection__badge" data-state={selectionCompliance}>
                {COMPLIANCE_LABELS[selectionCompliance]}
              </span>
              {selectionCompliance === 'broken' && (
                <span className="seat-selection__count">
                  {selectionBroken} {selectionBroken === 1 ? 'rule' : 'rules'} broken
                </span>
              )}
            </p>
          )}
          <p className="seat-selection__link">
            <a href={`/selections/${selectionId}`}>Open the selection</a>
          </p>
        </>
      )}
    </section>
  );
}
