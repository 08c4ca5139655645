import { useState, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors } from '../auth/api.ts';
import { Modal } from '../../ui/Modal.tsx';
import { TextField } from '../auth/TextField.tsx';
import { useCreateUser, type AdminUser } from './api.ts';
import { Field } from '../../ui/Field.tsx';
import { withLabel } from './format.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** Name and email only: the person sets their own password from a link the admin sends them next. */
export function NewUserDialog(props: {
  onClose: () => void;
  onCreated: (user: AdminUser) => void;
  returnFocus?: RefObject<HTMLElement | null>;
}) {
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [local, setLocal] = useState<{ name?: string | undefined; email?: string | undefined }>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      name: name.trim() ? undefined : 'Enter their name',
      email: /^\S+@\S+\.\S+$/.test(email.trim())
        ? undefined
        : 'Enter an email address such as name@example.org',
    };
    setLocal(problems);
    create.reset();
    if (problems.name || problems.email) return;
    create.mutate({ name: name.trim(), email: email.trim() }, { onSuccess: props.onCreated });
  }

  const server = fieldErrors(create.error);
  const errors = {
    name: local.name ?? withLabel('Name', server.name),
    email: local.email ?? withLabel('Email address', server.email),
  };
  const general = create.isError && !server.name && !server.email;

  return (
    <Modal title="New user" onClose={props.onClose} returnFocus={props.returnFocus}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="field__hint">
          They will have no password and no role yet: give them a role and a set-password link next.
        </p>
        <Field label="Name" error={errors.name}>
          {(a) => (
            <input
              {...a}
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <TextField
          label="Email address"
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="off"
          error={errors.email}
        />
        {general && (
          <p className="form__error" role="alert">
            {errorMessage(create.error)}
          </p>
        )}
        <FormActions
          submit="Create user"
          busyLabel="Creating…"
          busy={create.isPending}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
