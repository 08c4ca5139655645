import type { TTargetsPublic } from '@groundwork/server/contracts';
import { useId } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useSetTargetsPublic, useTargetsPublic } from '../targets/api.ts';

const PRIVATE: TTargetsPublic = { public: false, detailsPublic: false };

function statusText(v: TTargetsPublic): string {
  if (!v.public) return 'Targets are visible to signed-in users only (the default).';
  if (!v.detailsPublic) {
    return 'Targets are public: anyone can see each seat’s status and tier on the map. Rationale, sources and staff names stay with signed-in users.';
  }
  return 'Targets are public with their details: anyone can see status, tier, rationale, red-wall reasons, sources and who set them.';
}

/**
 * The national settings that decide what people who are not signed in see of seat targets: nothing,
 * status and tier, or (a separate, explicit choice) the details and the names of the staff too.
 */
export function TargetsSettingSection() {
  const current = useTargetsPublic();
  const save = useSetTargetsPublic();
  const id = useId();
  // While saving, show what was asked for; the server's answer then replaces it.
  const value: TTargetsPublic =
    save.isPending && save.variables !== undefined
      ? { public: save.variables.public, detailsPublic: save.variables.detailsPublic ?? false }
      : (current.data ?? PRIVATE);
  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <div className="admin-section__head">
        <h2 id={`${id}-title`}>Seat targets</h2>
      </div>
      <label className="admin-setting">
        <input
          type="checkbox"
          checked={value.public}
          disabled={current.isPending}
          // Making targets private again withdraws the details too.
          onChange={(e) =>
            save.mutate({ public: e.target.checked, detailsPublic: e.target.checked && value.detailsPublic })
          }
        />
        <span>Show seat targets to everyone, not only to signed-in users</span>
      </label>
      <label className="admin-setting">
        <input
          type="checkbox"
          checked={value.public && value.detailsPublic}
          disabled={current.isPending || !value.public}
          aria-describedby={`${id}-details-hint`}
          onChange={(e) => {
            // Publishing staff names is not undone by unticking: people may have copied them by then.
            const publish = e.target.checked;
            if (
              publish &&
              !window.confirm(
                'Publish the rationale, sources and the names of the staff who set each target to everyone?',
              )
            )
              return;
            save.mutate({ public: true, detailsPublic: publish });
          }}
        />
        <span>Also publish rationale, sources and names</span>
      </label>
      <p id={`${id}-details-hint`} className="admin-muted">
        Only with targets public: the rationale, red-wall reasons, sources, history and the names of the staff
        who set each target.
      </p>
      <p className="admin-muted" role="status">
        {current.isPending ? 'Loading the setting…' : statusText(value)}
      </p>
      {(save.isError || current.isError) && (
        <p className="form__error" role="alert">
          {errorMessage(save.error ?? current.error)}
        </p>
      )}
    </section>
  );
}
