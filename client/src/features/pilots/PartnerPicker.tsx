import { PARTNER_KIND_LABELS, type TPartner } from '@groundwork/server/contracts';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useDebounced } from '../admin/useDebounced.ts';
import { usePartners } from './api.ts';
import { NewPartnerForm } from './NewPartnerForm.tsx';

export function partnerLabel(p: TPartner): string {
  const union = p.kind === 'union_branch' && p.unionName ? ` (${p.unionName})` : '';
  return `${p.name}${union}`;
}

/**
 * The pilot's partners: shared records found by name and picked, or made here when they are new, so two
 * CLPs working with one branch point at the same record.
 */
export function PartnerPicker(props: {
  value: TPartner[];
  onChange: (partners: TPartner[]) => void;
  error: string | undefined;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const found = usePartners(q);
  const [adding, setAdding] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const chosen = new Set(props.value.map((p) => p.id));
  const add = (p: TPartner) => {
    if (!chosen.has(p.id)) props.onChange([...props.value, p]);
  };
  const results = (found.data ?? []).filter((p) => !chosen.has(p.id));

  return (
    <fieldset className="fieldset partner-picker">
      <legend className="field__label">Partners (optional)</legend>
      {props.value.length > 0 ? (
        <ul className="partner-picker__chosen" aria-label="Chosen partners">
          {props.value.map((p) => (
            <li key={p.id}>
              <span>
                {partnerLabel(p)} <span className="muted">· {PARTNER_KIND_LABELS[p.kind]}</span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                aria-label={`Remove ${p.name}`}
                onClick={() => props.onChange(props.value.filter((x) => x.id !== p.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field__hint">No partners yet.</p>
      )}
      <div className="field">
        <label className="field__label field__label--small" htmlFor={`${id}-q`}>
          Find a union branch or community group
        </label>
        <input
          id={`${id}-q`}
          ref={searchBox}
          type="search"
          value={search}
          autoComplete="off"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {/* Keyed on the box as well as the settled search: emptied (a partner was just added) hides the
          results at once instead of saying the old search matches nothing for another moment. */}
      {search.trim().length >= 2 && q.trim().length >= 2 && (
        <div aria-live="polite">
          {found.isError ? (
            <p className="field__error">{errorMessage(found.error)}</p>
          ) : found.isPending || search.trim() !== q.trim() || found.isPlaceholderData ? (
            <p className="field__hint">Searching…</p>
          ) : results.length === 0 ? (
            <p className="field__hint">No partner matches “{q.trim()}”. Add it as a new partner below.</p>
          ) : (
            <ul className="partner-picker__results" aria-label="Matching partners">
              {results.map((p) => (
                <li key={p.id}>
                  <span>
                    {partnerLabel(p)} <span className="muted">· {PARTNER_KIND_LABELS[p.kind]}</span>
                  </span>
                  <button type="button" className="button button--secondary" onClick={() => add(p)}>
                    Add<span className="visually-hidden"> {p.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {adding ? (
        <NewPartnerForm
          initialName={search.trim()}
          onCancel={() => setAdding(false)}
          onCreated={(p) => {
            add(p);
            setAdding(false);
            setSearch('');
            // The inline form goes away: focus goes back to the search for the next partner.
            searchBox.current?.focus();
          }}
        />
      ) : (
        <button type="button" className="link-button partner-picker__new" onClick={() => setAdding(true)}>
          Add a new partner
        </button>
      )}
      {props.error && (
        <p className="field__error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
