import { useCallback, useEffect, useRef, useState } from 'react';
import { applyChange, parseViewState, serializeViewState, type ViewState } from './viewState.ts';

const urlOf = (state: ViewState) =>
  `${window.location.pathname}?${serializeViewState(state)}${window.location.hash}`;

/**
 * The page's state lives in the URL so a copied link reproduces the view. Each change people make (a
 * seat, a filter, a measure) is a history entry, so Back returns to the view before it; the swing band
 * only reaches here once typing pauses (SwingRange), so it adds one entry per band, not per keystroke.
 */
export function useViewState(
  /** Told the view Back or Forward brought back (e.g. to bring its seat into view on the map). */
  onRestore?: (state: ViewState) => void,
): [ViewState, (change: Partial<ViewState>) => void] {
  const [state, setState] = useState(() => parseViewState(window.location.search));
  const restoreListener = useRef(onRestore);
  useEffect(() => {
    restoreListener.current = onRestore;
  }, [onRestore]);
  // The first write only spells out the defaults of the URL the page was opened with: no new entry.
  const opened = useRef(false);
  // A view read back from Back/Forward is already in the history: at most its URL is tidied.
  const restored = useRef(false);

  useEffect(() => {
    const url = urlOf(state);
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (url !== current) {
      if (opened.current && !restored.current) window.history.pushState(null, '', url);
      else window.history.replaceState(window.history.state, '', url);
    }
    opened.current = true;
    restored.current = false;
  }, [state]);

  useEffect(() => {
    // Back and Forward change the URL only: read the view back from it. The effect above then finds
    // the URL already matching and adds nothing.
    const onPop = () => {
      restored.current = true;
      const next = parseViewState(window.location.search);
      setState(next);
      restoreListener.current?.(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((change: Partial<ViewState>) => {
    setState((prev) => applyChange(prev, change));
  }, []);

  return [state, update];
}
