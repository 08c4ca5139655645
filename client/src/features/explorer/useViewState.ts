import { useCallback, useEffect, useState } from 'react';
import { applyChange, parseViewState, serializeViewState, type ViewState } from './viewState.ts';

/**
 * The page's state lives in the URL so a copied link reproduces the view. replaceState keeps the Back
 * button for leaving the page rather than stepping through every filter change.
 */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [state, setState] = useState(() => parseViewState(window.location.search));

  useEffect(() => {
    const url = `${window.location.pathname}?${serializeViewState(state)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, [state]);

  const update = useCallback((change: Partial<ViewState>) => {
    setState((prev) => applyChange(prev, change));
  }, []);

  return [state, update];
}
