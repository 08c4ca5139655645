import { useCallback, useSyncExternalStore } from 'react';

export { NARROW_SCREEN } from './screens.ts';

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
