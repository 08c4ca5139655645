import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useRegions } from '../reference/api.ts';
import { boardCsvUrl, STATUS_LABELS, useTargetBoard, useTargetsPublic, useTargetVisibility } from './api.ts';
import { useOwnRegion } from './ownRegion.ts';
import { fmtWhen } from './TargetSection.tsx';

function regionFromUrl(): string | undefined {
  const r = new URLSearchParams(window.location.search).get('region');
  return r && /^[A-Z]\d{8}$/.test(r) ? r : undefined;
}

/**
 * One region's seat targets by tier, for the regional team's meeting, with a CSV of the same. It opens on
 * the region in the link, else on the user's own region (their regional grant, or their CLP's region);
 * anyone, admins above all, can pick another.
 */
export function RegionalBoard() {
  const visibility = useTargetVisibility();
  const targetsPublic = useTargetsPublic().data?.public === true;
  const regions = useRegions();
  const own = useOwnRegion();
  const [chosen, setChosen] = useState<string | undefined>(regionFromUrl);
  const region = chosen ?? own.region;
  const board = useTargetBoard(region);
  const regionList = useMemo(() => regions.data ?? [], [regions.data]);

  useEffect(() => {
    const qs = region ? `?region=${region}` : '';
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${qs}`);
  }, [region]);

  return (
    <div className="board">
      <div className="board__controls">
        <div className="field field--inline">
          <label htmlFor="board-region" className="field__label">
            Region
          </label>
          <select
            id="board-region"
            value={region ?? ''}
            onChange={(e) => setChosen(e.target.value || undefined)}
          >
            <option value="">Choose a region</option>
            {regionList.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        {region && visibility === 'visible' && (
          <a className="button button--secondary" href={boardCsvUrl(region)} download>
            Download CSV
          </a>
        )}
        <a className="button button--secondary" href="/">
          Back to the seat map
        </a>
      </div>
      {visibility === 'signin' ? (
        <p className="state">
          Sign in to see the regional targets with their rationale and who set them.{' '}
          {targetsPublic && <a href="/?measure=target">The seat map shows each seat&apos;s target status.</a>}
        </p>
      ) : !region && own.pending ? (
        <p className="state" role="status">
          Finding your region…
        </p>
      ) : !region ? (
        <p className="state">Choose a region to see its targets.</p>
      ) : board.isPending ? (
        <p className="state" role="status">
          Loading targets…
        </p>
      ) : board.isError ? (
        <p className="state state--error" role="alert">
          The targets could not be loaded: {errorMessage(board.error)}
        </p>
      ) : board.data.items.length === 0 ? (
        <p className="state" role="status">
          No targets have been set in {board.data.region.name} yet.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="seat-table board__table">
            <caption>
              Targets in {board.data.region.name} ({board.data.items.length}), by tier
            </caption>
            <thead>
              <tr>
                <th scope="col">Seat</th>
                <th scope="col">Status</th>
                <th scope="col">Tier</th>
                <th scope="col">Rationale</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {board.data.items.map((t) => (
                <tr key={t.code} data-seat={t.code}>
                  <th scope="row">
                    <a href={`/?boundarySet=2024&seat=${t.code}`}>{t.name}</a>
                  </th>
                  <td>{STATUS_LABELS[t.status]}</td>
                  <td className="num">{t.tier ?? '–'}</td>
                  <td className="board__rationale">{t.rationale || '–'}</td>
                  <td>{t.updatedAt ? `${t.updatedBy?.name ?? 'Unknown'}, ${fmtWhen(t.updatedAt)}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
