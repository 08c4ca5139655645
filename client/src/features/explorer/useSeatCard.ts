import { useCallback, useEffect, useRef } from 'react';
import { NARROW_SCREEN } from '../../ui/useMediaQuery.ts';
import { SEAT_MAP_ID } from '../seat-map/SeatMap.tsx';

const EDITABLE = 'input, textarea, select, [contenteditable="true"]';

/**
 * The seat card's keyboard and phone behaviour. Escape closes it (unless a dialog or a field in the card
 * has the key) and focus goes back to where it was when the seat was chosen: the map, the search, a table
 * row. On a phone, where the card is below the map, `reveal` scrolls it into view.
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

  const reveal = useCallback(() => {
    if (!window.matchMedia(NARROW_SCREEN).matches) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    requestAnimationFrame(() =>
      cardRef.current?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' }),
    );
  }, []);

  return { cardRef, closeCard, reveal };
}
