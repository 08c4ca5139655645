import {
  PARTNER_KINDS,
  PARTNER_KIND_LABELS,
  type TPartner,
  type TPartnerKind,
} from '@groundwork/server/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors } from '../auth/api.ts';
import { Field } from '../../ui/Field.tsx';
import { useCreatePartner } from './api.ts';
import { withLabel } from './format.ts';

/**
 * A partner made inline: name, kind, the union for a branch, and the contact's role (never a person's
 * contact details). Not a <form>: it sits inside the pilot's form, so its button is a plain button.
 */
export function NewPartnerForm(props: {
  initialName: string;
  onCreated: (p: TPartner) => void;
  onCancel: () => void;
}) {
  const create = useCreatePartner();
  const [name, setName] = useState(props.initialName);
  const [kind, setKind] = useState<TPartnerKind>('community_group');
  const [unionName, setUnionName] = useState('');
  const [contactRole, setContactRole] = useState('');
  const [local, setLocal] = useState<{ name?: string; unionName?: string }>({});
  const server = fieldErrors(create.error);
  const conflict = create.error && 'status' in create.error && create.error.status === 409;
  const general = create.isError && !server.name && !server.unionName && !server.kind && !server.contactRole;

  const save = () => {
    const problems = {
      ...(name.trim().length < 2 ? { name: 'Enter the partner’s name' } : {}),
      ...(kind === 'union_branch' && !unionName.trim() ? { unionName: 'Enter the union of the branch' } : {}),
    };
    setLocal(problems);
    create.reset();
    if (Object.keys(problems).length) return;
    create.mutate(
      {
        name: name.trim(),
        kind,
        ...(kind === 'union_branch' ? { unionName: unionName.trim() } : {}),
        ...(contactRole.trim() ? { contactRole: contactRole.trim() } : {}),
      },
      { onSuccess: props.onCreated },
    );
  };

  return (
    <div className="new-partner" role="group" aria-label="New partner">
      <Field label="Partner name" error={local.name ?? withLabel('Name', server.name)}>
        {(a) => <input {...a} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Kind of partner" error={withLabel('Kind', server.kind)}>
        {(a) => (
          <select {...a} value={kind} onChange={(e) => setKind(e.target.value as TPartnerKind)}>
            {PARTNER_KINDS.map((k) => (
              <option key={k} value={k}>
                {PARTNER_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'union_branch' && (
        <Field label="Union" error={local.unionName ?? withLabel('Union', server.unionName)}>
          {(a) => (
            <input {...a} type="text" value={unionName} onChange={(e) => setUnionName(e.target.value)} />
          )}
        </Field>
      )}
      <Field
        label="Contact role (optional)"
        hint="A role such as “branch secretary”, never a person’s name or number."
        error={withLabel('Contact role', server.contactRole)}
      >
        {(a) => (
          <input {...a} type="text" value={contactRole} onChange={(e) => setContactRole(e.target.value)} />
        )}
      </Field>
      {general && (
        <p className="form__error" role="alert">
          {conflict
            ? `${errorMessage(create.error)} Search for it above instead.`
            : errorMessage(create.error)}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={save} disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add partner'}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
