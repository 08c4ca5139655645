import type { z } from 'zod';
import type { ZClp } from '@groundwork/server/contracts';
import { useEffect, useState } from 'react';
import { useDebounced } from '../admin/useDebounced.ts';
import { Field } from '../../ui/Field.tsx';
import { useClpSearch } from './api.ts';

/** The chosen CLP; its seat once known (an organiser's own CLP is chosen before its seat has loaded). */
export type ClpRef = Omit<z.infer<typeof ZClp>, 'seat' | 'region'> & { seat?: z.infer<typeof ZClp>['seat'] };

/** One of the user's own CLPs with its seat (grants carry only the name; /api/clps adds the seat). */
function useClpSeat(clp: { id: number; name: string } | undefined) {
  const found = useClpSearch(clp?.name ?? '', !!clp);
  return clp ? found.data?.find((c) => c.id === clp.id) : undefined;
}

/**
 * Where the pilot runs. Organisers pick one of their CLPs (none to pick with one); admins search every CLP
 * by name. Reports the CLP with its seat, which the location map needs.
 */
export function ClpChoice(props: {
  own: { id: number; name: string }[];
  admin: boolean;
  onChange: (clp: ClpRef | undefined) => void;
  error: string | undefined;
}) {
  const { own, admin, onChange } = props;
  const [ownId, setOwnId] = useState<number | undefined>(own.length === 1 ? own[0]?.id : undefined);
  const ownClp = own.find((c) => c.id === ownId);
  const ownSeat = useClpSeat(ownClp)?.seat;
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const results = useClpSearch(q, admin && q.trim().length >= 2);
  const [picked, setPicked] = useState<z.infer<typeof ZClp> | undefined>();
  const chosenId = ownClp?.id ?? picked?.id;
  const chosenName = ownClp?.name ?? picked?.name;
  const seat = ownClp ? ownSeat : picked?.seat;

  useEffect(
    () =>
      onChange(
        chosenId === undefined
          ? undefined
          : { id: chosenId, name: chosenName ?? '', ...(seat ? { seat } : {}) },
      ),
    [chosenId, chosenName, seat, onChange],
  );

  if (own.length === 1 && !admin) {
    return (
      <div className="field">
        <span className="field__label">CLP</span>
        <p className="pilot-form__fixed">{own[0]?.name}</p>
      </div>
    );
  }
  return (
    <>
      {own.length > 0 && (
        <Field label={admin ? 'One of your CLPs' : 'CLP'} error={admin ? undefined : props.error}>
          {(a) => (
            <select
              {...a}
              value={ownId ?? ''}
              onChange={(e) => {
                setOwnId(e.target.value ? Number(e.target.value) : undefined);
                setPicked(undefined);
              }}
            >
              <option value="">{admin ? 'Another CLP (search below)' : 'Choose a CLP'}</option>
              {own.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {admin && ownId === undefined && (
        <Field label="CLP" hint="Type two letters or more of the CLP's name." error={props.error}>
          {(a) => (
            <>
              <input
                {...a}
                type="search"
                value={search}
                autoComplete="off"
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPicked(undefined);
                }}
              />
              {picked ? (
                <p className="pilot-form__fixed" role="status">
                  Chosen: {picked.name} ({picked.seat.name})
                </p>
              ) : (
                q.trim().length >= 2 && (
                  <ul className="clp-choice__results" aria-label="Matching CLPs">
                    {(results.data ?? []).map((c) => (
                      <li key={c.id}>
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => setPicked(c)}
                        >
                          {c.name}
                        </button>
                      </li>
                    ))}
                    {results.data?.length === 0 && <li className="field__hint">No CLP matches.</li>}
                  </ul>
                )
              )}
            </>
          )}
        </Field>
      )}
    </>
  );
}
