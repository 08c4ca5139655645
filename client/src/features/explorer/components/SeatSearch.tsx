import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { isCodeSearch, matchSeats, type SeatName } from './seatSearchMatch.ts';

interface SeatSearchProps {
  seats: readonly SeatName[];
  disabled?: boolean;
  onSelect: (code: string) => void;
}

/**
 * Seat search as an ARIA combobox: typing a name or an ONS code lists matches, arrow keys move, Enter opens
 * the highlighted seat (or the first match), Escape closes the list.
 */
export function SeatSearch({ seats, disabled, onSelect }: SeatSearchProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => matchSeats(seats, text), [seats, text]);
  const expanded = open && text.trim() !== '';
  const byCode = isCodeSearch(text);

  const choose = (seat: SeatName | undefined) => {
    if (!seat) return;
    setText(seat.name);
    setOpen(false);
    setActive(-1);
    onSelect(seat.code);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (matches.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + matches.length) % matches.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(matches[active] ?? matches[0]);
    } else if (e.key === 'Escape') {
      if (expanded) e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="seat-search">
      <label htmlFor={id} className="field__label">
        Find a seat
      </label>
      <input
        id={id}
        className="seat-search__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Seat name or ONS code"
        disabled={disabled}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        // Focus alone (e.g. returned here when a card closes) does not reopen the list: typing or the
        // arrow keys do. The old text is selected, so typing replaces it.
        onFocus={(e) => e.currentTarget.select()}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching seats"
        className="seat-search__list"
        hidden={!expanded}
      >
        {matches.map((seat, i) => (
          <li
            key={seat.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="seat-search__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(seat)}
            onMouseEnter={() => setActive(i)}
          >
            {seat.name}
            {byCode && <span className="seat-search__code"> {seat.code}</span>}
          </li>
        ))}
        {matches.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" className="seat-search__none">
            No seat matches “{text.trim()}”
          </li>
        )}
      </ul>
    </div>
  );
}
