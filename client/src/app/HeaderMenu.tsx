import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '../ui/useDismiss.ts';

interface HeaderMenuProps {
  links: readonly { href: string; label: string }[];
}

/**
 * The header's page links: in a row on wide screens; behind a Menu button on narrow ones, where the row
 * would push Sign in off the screen. The button is hidden by CSS when the row fits.
 */
export function HeaderMenu({ links }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Clicking or tabbing anywhere else closes it, as the account menu does.
  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(rootRef, open, closeMenu);

  return (
    <div
      ref={rootRef}
      className="app-header__menu"
      data-open={open}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault(); // the menu had the key: nothing else closes on it
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="app-header__menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="app-header__menu-icon" aria-hidden="true" />
        <span className="app-header__menu-text">Menu</span>
      </button>
      <nav id={id} className="app-header__nav" aria-label="Pages">
        {links.map((n) => (
          <a key={n.href} href={n.href}>
            {n.label}
          </a>
        ))}
      </nav>
    </div>
  );
}
