import { useCallback, useSyncExternalStore } from 'react';

/** Below this width the explorer is one column: map first, filters in a drawer (styles.css agrees). */
export const NARROW_SCREEN = '(max-width: 820px)';

/** Whether a media query matches now, re-rendering when that changes (rotating a phone, resizing). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
