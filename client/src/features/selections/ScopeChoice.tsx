import { useRegions } from '../reference/api.ts';
import type { SelectionScope } from './api.ts';

const valueOf = (s: SelectionScope) =>
  s.clp !== undefined ? `clp:${s.clp}` : s.region ? `region:${s.region}` : '';

export function scopeOf(value: string): SelectionScope {
  if (value.startsWith('clp:')) return { clp: Number(value.slice(4)) };
  if (value.startsWith('region:')) return { region: value.slice(7) };
  return {};
}

/** Which selections the tracker shows: one of the user's CLPs, a region, or all of them. */
export function ScopeChoice(props: {
  scope: SelectionScope;
  clps: { id: number; name: string }[];
  onScope: (scope: SelectionScope) => void;
}) {
  const regions = useRegions();
  const { clp } = props.scope;
  const clps =
    clp !== undefined && !props.clps.some((c) => c.id === clp)
      ? [...props.clps, { id: clp, name: 'The chosen CLP' }]
      : props.clps;
  return (
    <div className="field selection-scope">
      <label className="field__label" htmlFor="selection-scope">
        Show selections in
      </label>
      <select
        id="selection-scope"
        value={valueOf(props.scope)}
        onChange={(e) => props.onScope(scopeOf(e.target.value))}
      >
        <option value="">Every CLP</option>
        {clps.length > 0 && (
          <optgroup label="CLPs">
            {clps.map((c) => (
              <option key={c.id} value={`clp:${c.id}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Regions">
          {(regions.data ?? []).map((r) => (
            <option key={r.code} value={`region:${r.code}`}>
              {r.name}
            </option>
          ))}
          {props.scope.region && !regions.data?.some((r) => r.code === props.scope.region) && (
            <option value={`region:${props.scope.region}`}>{props.scope.region}</option>
          )}
        </optgroup>
      </select>
    </div>
  );
}
