import { useId } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useSetTargetsPublic, useTargetsPublic } from '../targets/api.ts';

/** The national setting that decides whether people who are not signed in can see seat targets. */
export function TargetsSettingSection() {
  const current = useTargetsPublic();
  const save = useSetTargetsPublic();
  const id = useId();
  // While saving, show what was asked for; the server's answer then replaces it.
  const value =
    save.isPending && save.variables !== undefined ? save.variables : (current.data?.public ?? false);
  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <div className="admin-section__head">
        <h2 id={`${id}-title`}>Seat targets</h2>
      </div>
      <label className="admin-setting">
        <input
          type="checkbox"
          checked={value}
          disabled={current.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />{' '}
        Show seat targets to everyone, not only to signed-in users
      </label>
      <p className="admin-muted" role="status">
        {current.isPending
          ? 'Loading the setting…'
          : value
            ? 'Targets are public: anyone can see them on the map and the regional boards.'
            : 'Targets are visible to signed-in users only (the default).'}
      </p>
      {(save.isError || current.isError) && (
        <p className="form__error" role="alert">
          {errorMessage(save.error ?? current.error)}
        </p>
      )}
    </section>
  );
}
