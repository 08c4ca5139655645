import { useCallback, useEffect, useRef } from 'react';
import { NARROW_SCREEN } from '../../ui/useMediaQuery.ts';
import { SEAT_MAP_ID } from '../seat-map/SeatMap.tsx';

const EDITABLE = 'input, textarea, select, [contenteditable="true"]';

/**
 * The seat card's keyboard and phone behaviour. Escape closes it (unless a dialog or a field in the card
 * has the key) and focus goes back to where it was when the seat was chosen: the map, the search, a table
 * row. `reveal` scrolls it into view when it is not (below the map on a phone; above a scrolled table).
 */
export function useSeatCard(seat: string | undefined, close: () => void) {
  const cardRef = useRef<HTMLElement>(null);
  const origin = useRef<HTMLElement | null>(null);
  const shown = useRef<string | undefined>(undefined);

  // Where focus was when this seat was chosen; a seat opened from inside the card keeps the earlier one.
  useEffect(() => {
    if (seat === shown.current) return;
    shown.current = seat;
    const active = document.activeElement;
    if (seat && active instanceof HTMLElement && active !== document.body) {
      if (!cardRef.current?.contains(active)) origin.current = active;
    }
  }, [seat]);

  const closeCard = useCallback(() => {
    const active = document.activeElement;
    const fromCard = !active || active === document.body || !!cardRef.current?.contains(active);
    close();
    if (!fromCard) return;
    const back = origin.current?.isConnected ? origin.current : document.getElementById(SEAT_MAP_ID);
    back?.focus();
  }, [close]);

  useEffect(() => {
    if (!seat) return undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target && cardRef.current?.contains(target) && target.closest(EDITABLE)) return;
      closeCard();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [seat, closeCard]);

  // On a phone the card is below the map: bring it to the top. On a desktop it sits beside the map, out of
  // view once someone has scrolled down the table: bring it just into view.
  const reveal = useCallback(() => {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const behavior = smooth ? 'smooth' : 'auto';
    requestAnimationFrame(() => {
      const card = cardRef.current;
      if (!card) return;
      if (window.matchMedia(NARROW_SCREEN).matches) {
        card.scrollIntoView({ block: 'start', behavior });
        return;
      }
      const { top, bottom } = card.getBoundingClientRect();
      if (top < 0 || top > window.innerHeight || bottom < 0)
        card.scrollIntoView({ block: 'start', behavior });
    });
  }, []);

  return { cardRef, closeCard, reveal };
}
