import type { TSelectionLayerState } from '@groundwork/server/contracts';

/** A selection's overall state in words: the legend, the table, the card's badge and the board say these. */
export const COMPLIANCE_LABELS: Record<TSelectionLayerState, string> = {
  kept: 'Rules kept',
  at_risk: 'Rules at risk',
  broken: 'Rules broken',
};
