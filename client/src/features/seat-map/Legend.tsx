import type { TSeatSummary } from '@groundwork/server/contracts';
import { useMemo, useState } from 'react';
import { classCounts, NO_DATA_COLOUR, type ColourScale } from './measures.ts';
import { FADED_COLOUR, RED_WALL_OUTLINE } from './seatStyle.ts';

interface LegendProps {
  scale: ColourScale;
  seats: readonly TSeatSummary[];
  filtered: boolean;
  onSelect: (code: string) => void;
}

/**
 * The red-wall seats by name, made when the list is opened: sorting them with the en-GB collation (Ynys
 * Môn) loads its tables on first use, ~30 ms the map's first draw need not wait for.
 */
function RedWallList({
  seats,
  onSelect,
}: {
  seats: readonly TSeatSummary[];
  onSelect: (code: string) => void;
}) {
  const sorted = useMemo(() => [...seats].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [seats]);
  return (
    <ul>
      {sorted.map((s) => (
        <li key={s.code}>
          <button type="button" className="link-button" onClick={() => onSelect(s.code)}>
            {s.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The key to the map, in words as well as colours, with how many of the shown seats fall in each class. */
export function Legend({ scale, seats, filtered, onSelect }: LegendProps) {
  const counts = useMemo(() => classCounts(scale, seats), [scale, seats]);
  const redWall = useMemo(() => seats.filter((s) => s.redWall), [seats]);
  const none = counts.get('none') ?? 0;
  const [listed, setListed] = useState(false);
  // On a phone the legend would cover most of the map, so it starts folded there.
  const [open, setOpen] = useState(() => window.matchMedia?.('(min-width: 700px)').matches ?? true);

  return (
    <section className={open ? 'legend' : 'legend legend--folded'} aria-labelledby="legend-title">
      <div className="legend__top">
        <h3 id="legend-title" className="legend__title">
          {scale.title}
        </h3>
        <button
          type="button"
          className="legend__toggle"
          aria-expanded={open}
          aria-controls="legend-body"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      <div id="legend-body" hidden={!open}>
        {scale.groups.map((group) => (
          <div key={group.heading ?? 'all'} className="legend__group">
            {group.heading && <p className="legend__heading">{group.heading}</p>}
            <ul className="legend__list">
              {group.classes.map((c) => (
                <li key={c.key} className="legend__item">
                  <span className="legend__swatch" style={{ background: c.colour }} aria-hidden="true" />
                  <span className="legend__label">{c.label}</span>
                  <span className="legend__count">{counts.get(c.key) ?? 0}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <ul className="legend__list legend__list--extra">
          {none > 0 && (
            <li className="legend__item">
              <span className="legend__swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
              <span className="legend__label">No data</span>
              <span className="legend__count">{none}</span>
            </li>
          )}
          <li className="legend__item">
            <span
              className="legend__swatch legend__swatch--outline"
              style={{ borderColor: RED_WALL_OUTLINE }}
              aria-hidden="true"
            />
            <span className="legend__label">Red-wall seat (thick dark outline)</span>
            <span className="legend__count">{redWall.length}</span>
          </li>
          {filtered && (
            <li className="legend__item">
              <span
                className="legend__swatch legend__swatch--faded"
                style={{ background: FADED_COLOUR }}
                aria-hidden="true"
              />
              <span className="legend__label">Not matching the filters (grey)</span>
            </li>
          )}
        </ul>
        {redWall.length > 0 && (
          <details className="legend__redwall" onToggle={(e) => setListed(e.currentTarget.open)}>
            <summary>Red-wall seats shown ({redWall.length})</summary>
            {listed && <RedWallList seats={redWall} onSelect={onSelect} />}
          </details>
        )}
      </div>
    </section>
  );
}
