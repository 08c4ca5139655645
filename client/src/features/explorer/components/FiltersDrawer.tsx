import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NARROW_SCREEN, useMediaQuery } from '../../../ui/useMediaQuery.ts';

interface FiltersDrawerProps {
  /** The seat search: in the panel on wide screens, above the map on narrow ones. */
  search: ReactNode;
  /** How many filters are set, said on the button that opens the drawer. */
  active: number;
  /** The boundaries, election and filters. */
  children: ReactNode;
}

/**
 * The explorer's controls: a panel beside the map on wide screens; on a phone the map comes first, with
 * the search above it and the filters in a modal drawer behind a "Filters" button. The drawer stays
 * mounted while closed, so a swing band being typed is not lost; Escape or Close returns focus to the
 * button.
 */
export function FiltersDrawer({ search, active, children }: FiltersDrawerProps) {
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && narrow && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('select, input, textarea')?.focus();
    } else if ((!open || !narrow) && dialog.open) {
      dialog.close();
    }
  }, [open, narrow]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  if (!narrow) {
    return (
      <aside className="page__controls">
        {search}
        {children}
      </aside>
    );
  }
  return (
    <div className="page__bar">
      {search}
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary page__filters-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        Filters{active > 0 ? ` (${active})` : ''}
      </button>
      <dialog
        ref={dialogRef}
        className="filters-drawer"
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
        // A click on the backdrop lands on the dialog itself; clicks on its content land inside it.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
      >
        <div className="filters-drawer__head">
          <h2 id={titleId} className="filters-drawer__title">
            Seats and filters
          </h2>
          <button type="button" className="icon-button" aria-label="Close filters" onClick={close}>
            ×
          </button>
        </div>
        <div className="filters-drawer__body">{children}</div>
        <div className="filters-drawer__foot">
          <button type="button" className="button button--block" onClick={close}>
            Show the map
          </button>
        </div>
      </dialog>
    </div>
  );
}
