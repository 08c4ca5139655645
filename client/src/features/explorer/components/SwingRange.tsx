import { useEffect, useId, useState } from 'react';

type Bound = number | undefined;

/** undefined: left empty; null: not a usable number. */
function parse(text: string): Bound | null {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

const show = (v: Bound) => (v === undefined ? '' : String(v));

interface SwingRangeProps {
  min: Bound;
  max: Bound;
  onChange: (change: { minSwing: Bound; maxSwing: Bound }) => void;
}

/**
 * Swing-needed band in percentage points (e.g. the seats Labour can gain on up to 5 points). The band
 * applies itself shortly after typing stops, or at once on Enter or leaving a box, and only when valid.
 */
export function SwingRange({ min, max, onChange }: SwingRangeProps) {
  const id = useId();
  const [texts, setTexts] = useState({ min: show(min), max: show(max) });
  const [seen, setSeen] = useState({ min, max });
  if (seen.min !== min || seen.max !== max) {
    // Changed from outside (e.g. "Clear filters"): show the new values unless they are what was typed.
    setSeen({ min, max });
    setTexts((t) => ({
      min: parse(t.min) === min ? t.min : show(min),
      max: parse(t.max) === max ? t.max : show(max),
    }));
  }

  const lo = parse(texts.min);
  const hi = parse(texts.max);
  const unusable = lo === null || hi === null;
  const crossed = !unusable && lo !== undefined && hi !== undefined && lo > hi;
  const pending = !unusable && !crossed && (lo !== min || hi !== max);

  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => onChange({ minSwing: lo ?? undefined, maxSwing: hi ?? undefined }), 450);
    return () => clearTimeout(timer);
  }, [pending, lo, hi, onChange]);

  const commitNow = () => {
    if (pending) onChange({ minSwing: lo ?? undefined, maxSwing: hi ?? undefined });
  };
  const error = unusable
    ? 'Enter a number from 0 to 100.'
    : crossed
      ? '“From” must not be more than “To”.'
      : '';

  const input = (which: 'min' | 'max', label: string) => (
    <div className="field field--inline">
      <label htmlFor={`${id}-${which}`} className="field__label field__label--small">
        {label}
      </label>
      <input
        id={`${id}-${which}`}
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step={0.5}
        value={texts[which]}
        aria-invalid={error !== '' || undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => setTexts((t) => ({ ...t, [which]: e.target.value }))}
        onBlur={commitNow}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitNow();
        }}
      />
    </div>
  );

  return (
    <fieldset className="fieldset">
      <legend className="field__label">Swing needed by Labour (points)</legend>
      <p id={`${id}-hint`} className="field__hint">
        To gain a seat, or to lose one Labour holds.
      </p>
      <div className="field-row">
        {input('min', 'From')}
        {input('max', 'To')}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
