import type { TPilot } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fmtDateTime } from '../admin/format.ts';
import { fieldErrors } from '../auth/api.ts';
import { Field } from '../../ui/Field.tsx';
import { useComments, usePostComment } from './api.ts';
import { withLabel } from './format.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** Notes between the CLP and regional staff; only for those who may see personal data. */
export function CommentsSection(props: { pilot: TPilot }) {
  const { pilot } = props;
  const comments = useComments(pilot.id, pilot.can.seePersonal);
  const post = usePostComment(pilot.id);
  const [body, setBody] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  if (!pilot.can.seePersonal) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocal(body.trim() ? undefined : 'Write a comment first');
    if (!body.trim()) return;
    post.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  const server = fieldErrors(post.error);

  return (
    <section className="pilot-section" aria-labelledby="pilot-comments">
      <h3 id="pilot-comments">Comments</h3>
      {comments.isPending ? (
        <p className="muted" role="status">
          Loading comments…
        </p>
      ) : comments.isError ? (
        <p className="field__error" role="alert">
          {errorMessage(comments.error)}
        </p>
      ) : comments.data.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="pilot-comments">
          {comments.data.map((c) => (
            <li key={c.id}>
              <p className="pilot-comments__who">
                {c.author?.name ?? 'Someone no longer here'} · {fmtDateTime(c.createdAt)}
              </p>
              <p className="pilot-comments__body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {pilot.can.comment && (
        <form className="form" aria-label="Add a comment" onSubmit={submit} noValidate>
          <Field label="Your comment" error={local ?? withLabel('The comment', server.body)}>
            {(a) => <textarea {...a} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
          </Field>
          {post.isError && !server.body && (
            <p className="form__error" role="alert">
              {errorMessage(post.error)}
            </p>
          )}
          <FormActions submit="Post comment" busyLabel="Posting…" busy={post.isPending} />
        </form>
      )}
    </section>
  );
}
