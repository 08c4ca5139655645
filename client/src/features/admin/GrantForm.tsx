import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, ROLE_NAMES, type RoleName } from '../auth/api.ts';
import { ROLE_LABELS } from '../auth/roles.ts';
import { useRegions } from '../reference/api.ts';
import { useAddGrant, useClps, type NewGrant } from './api.ts';
import { Field } from '../../ui/Field.tsx';
import { endOfDayIso, todayInput, withLabel } from './format.ts';
import { useDebounced } from './useDebounced.ts';
import { FormActions } from '../../ui/FormActions.tsx';

const CLP_ROLES: ReadonlySet<RoleName> = new Set(['member', 'organiser', 'selection_officer']);

const SCOPE_HINTS: Record<RoleName, string> = {
  member: 'Sees their CLP’s private data.',
  organiser: 'Runs campaigning in their CLP.',
  selection_officer: 'Handles selections in their CLP.',
  regional_staff: 'Sets seat targets for every seat in their region.',
  admin: 'Manages users and roles everywhere. Give it sparingly.',
};

type Problems = { role?: string; clpId?: string; regionCode?: string; endsAt?: string };

/** Give a role: CLP roles pick a CLP, regional staff a region, admins nothing; an end date is optional. */
export function GrantForm({ userId }: { userId: number }) {
  const add = useAddGrant(userId);
  const regions = useRegions();
  const [role, setRole] = useState<RoleName | ''>('');
  const [regionCode, setRegionCode] = useState('');
  const [clpSearch, setClpSearch] = useState('');
  const [clpId, setClpId] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [local, setLocal] = useState<Problems>({});
  const [done, setDone] = useState('');

  // The CLP list (GET /api/clps) is new; without it CLP roles cannot be given from here.
  const clpQuery = useDebounced(clpSearch.trim(), 250);
  const clps = useClps(clpQuery);
  const clpsMissing = clps.error instanceof ApiError && clps.error.status === 404;
  const clpRole = role !== '' && CLP_ROLES.has(role);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    const problems: Problems = {};
    if (!role) problems.role = 'Choose a role';
    if (role === 'regional_staff' && !regionCode) problems.regionCode = 'Choose a region';
    if (clpRole && !clpId) problems.clpId = 'Choose a CLP';
    if (endsOn && endsOn < todayInput()) problems.endsAt = 'The end date must be today or later';
    setLocal(problems);
    add.reset();
    if (!role || Object.keys(problems).length) return;
    const body: NewGrant = { role };
    if (role === 'regional_staff') body.regionCode = regionCode;
    if (clpRole) body.clpId = Number(clpId);
    if (endsOn) body.endsAt = endOfDayIso(endsOn);
    add.mutate(body, {
      onSuccess: () => {
        setDone(`${ROLE_LABELS[role]} given.`);
        setRole('');
        setRegionCode('');
        setClpId('');
        setClpSearch('');
        setEndsOn('');
      },
    });
  }

  const server = fieldErrors(add.error);
  const errors = {
    role: local.role ?? withLabel('Role', server.role),
    regionCode: local.regionCode ?? withLabel('Region', server.regionCode),
    clpId: local.clpId ?? withLabel('CLP', server.clpId),
    endsAt: local.endsAt ?? withLabel('End date', server.endsAt),
  };
  const general = add.isError && !server.role && !server.regionCode && !server.clpId && !server.endsAt;

  return (
    <form className="form admin-grant-form" onSubmit={submit} noValidate aria-labelledby="admin-give-role">
      <h4 id="admin-give-role" className="admin-panel__subhead">
        Give a role
      </h4>
      <Field label="Role" error={errors.role} hint={role ? SCOPE_HINTS[role] : undefined}>
        {(a) => (
          <select
            {...a}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as RoleName | '');
              setDone('');
            }}
          >
            <option value="">Choose a role</option>
            {ROLE_NAMES.map((r) => (
              <option key={r} value={r} disabled={CLP_ROLES.has(r) && clpsMissing}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {clpsMissing && <p className="admin-note">CLP roles: coming with the CLP list.</p>}

      {role === 'regional_staff' && (
        <Field
          label="Region"
          error={errors.regionCode ?? (regions.isError ? errorMessage(regions.error) : undefined)}
        >
          {(a) => (
            <select {...a} value={regionCode} onChange={(e) => setRegionCode(e.target.value)}>
              <option value="">{regions.isPending ? 'Loading regions…' : 'Choose a region'}</option>
              {regions.data?.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      {clpRole && (
        <>
          <Field label="Find a CLP" hint="Type part of its name">
            {(a) => (
              <input
                {...a}
                type="search"
                value={clpSearch}
                onChange={(e) => setClpSearch(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label="CLP" error={errors.clpId ?? (clps.isError ? errorMessage(clps.error) : undefined)}>
            {(a) => (
              <select {...a} value={clpId} onChange={(e) => setClpId(e.target.value)}>
                <option value="">
                  {clps.isPending ? 'Loading CLPs…' : clps.data?.length ? 'Choose a CLP' : 'No CLP matches'}
                </option>
                {clps.data?.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name} ({c.region.name})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}

      <Field
        label="Ends on (optional)"
        hint="Leave empty to keep the role until it is revoked."
        error={errors.endsAt}
      >
        {(a) => (
          <input
            {...a}
            type="date"
            min={todayInput()}
            value={endsOn}
            onChange={(e) => setEndsOn(e.target.value)}
          />
        )}
      </Field>
      {general && (
        <p className="form__error" role="alert">
          {errorMessage(add.error)}
        </p>
      )}
      <p role="status" className="admin-muted">
        {done}
      </p>
      <FormActions submit="Give role" busyLabel="Giving…" busy={add.isPending} />
    </form>
  );
}
