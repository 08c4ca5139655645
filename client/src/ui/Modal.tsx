import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A modal <dialog>: the browser keeps focus inside it and makes the page behind inert; Escape and the
 * close button call onClose. Focus goes back to `returnFocus` (or whatever had it before) on closing.
 */
export function Modal(props: {
  title: string;
  onClose: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { title, onClose, returnFocus, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    // showModal() would focus the Close button (first in the DOM); start on the first field instead.
    dialog?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      dialog?.close();
      // Read on closing on purpose: the button to go back to may have been replaced (Sign in → account).
      // eslint-disable-next-line react-hooks/exhaustive-deps
      const target = returnFocus?.current ?? before;
      if (target?.isConnected) target.focus();
    };
  }, [returnFocus]);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal__head">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
