import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useSignIn } from './api.ts';
import { Modal } from '../../ui/Modal.tsx';
import { TextField } from './TextField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

export function SignInDialog(props: { onClose: () => void; returnFocus?: RefObject<HTMLElement | null> }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const passwordRef = useRef<HTMLInputElement>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      ...(email.trim() ? {} : { email: 'Enter your email address' }),
      ...(password ? {} : { password: 'Enter your password' }),
    };
    setMissing(problems);
    if (problems.email || problems.password) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: props.onClose,
        onError: () => passwordRef.current?.select(),
      },
    );
  }

  return (
    <Modal title="Sign in" onClose={props.onClose} returnFocus={props.returnFocus}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Email address"
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="username"
          error={missing.email}
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={missing.password}
          inputRef={passwordRef}
        />
        {signIn.isError && (
          <p className="form__error" role="alert">
            {errorMessage(signIn.error)}
          </p>
        )}
        <FormActions
          submit="Sign in"
          busyLabel="Signing in…"
          busy={signIn.isPending}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
