import { SELECTION_STAGE_LABELS } from '@groundwork/server/contracts';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fmtDateTime } from '../admin/format.ts';
import { conflictSelection } from './api.ts';

/**
 * A write's failure in words. After a 409 the page already shows the server's copy (api.ts put it in
 * place); this says so, with the state it is in now, and takes focus so a phone user sees it.
 */
export function WriteProblem(props: { error: unknown; what: string; fieldsShown?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const current = conflictSelection(props.error);
  // Keyed on the error itself: the parsed copy is a new object every render, and typing would lose focus.
  useEffect(() => {
    if (conflictSelection(props.error)) ref.current?.focus();
  }, [props.error]);
  if (!props.error) return null;
  if (current) {
    return (
      <div className="selection-conflict" role="alert" ref={ref} tabIndex={-1}>
        <p>
          <strong>Someone else changed {props.what}</strong> ({fmtDateTime(current.updatedAt)}) while you were
          working on it, so your change was not saved. The page now shows their version: the selection is at{' '}
          <strong>{SELECTION_STAGE_LABELS[current.stage]}</strong>. Your entries are still here; save again to
          apply them.
        </p>
      </div>
    );
  }
  if (props.fieldsShown) return null;
  return (
    <p className="form__error" role="alert">
      {errorMessage(props.error)}
    </p>
  );
}
