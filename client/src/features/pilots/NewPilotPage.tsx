import { useState } from 'react';
import { useSession } from '../auth/api.ts';
import { useCreatePilot } from './api.ts';
import { ClpChoice, type ClpRef } from './ClpChoice.tsx';
import { isAdmin, organiserClps } from './format.ts';
import { emptyValues, serverErrors, toCreate } from './formValues.ts';
import { PilotForm } from './PilotForm.tsx';
import './pilots.css';

/** /pilots/new: an organiser (or an admin) starts a pilot in one of their CLPs, then lands on its page. */
export default function NewPilotPage() {
  const session = useSession();
  const create = useCreatePilot();
  const [clp, setClp] = useState<ClpRef | undefined>();
  const [failures, setFailures] = useState(0);

  if (session.isPending) {
    return (
      <p className="state" role="status">
        Loading…
      </p>
    );
  }
  if (!session.data) return <p className="state">Sign in to start a pilot.</p>;
  const grants = session.data.grants;
  const own = organiserClps(grants);
  const admin = isAdmin(grants);
  if (own.length === 0 && !admin) {
    return (
      <p className="state">
        Only a CLP&apos;s organisers start its pilots. <a href="/pilots">See the pilots you can read</a>.
      </p>
    );
  }

  return (
    <div className="pilot-page pilot-page--form">
      <p className="pilots-page__back">
        <a href="/pilots">Back to pilots</a>
      </p>
      <h2>Start a pilot</h2>
      <PilotForm
        label="New pilot"
        initial={emptyValues()}
        clpId={clp?.id}
        seatCode={clp?.seat?.code}
        clp={<ClpChoice own={own} admin={admin} onChange={setClp} error={serverErrors(create.error).clpId} />}
        serverErrors={serverErrors(create.error)}
        submitLabel="Save pilot"
        pending={create.isPending}
        failures={failures}
        onSubmit={(values) => {
          if (!clp) return;
          create.mutate(toCreate(values, clp.id), {
            onSuccess: (pilot) => window.location.assign(`/pilots/${pilot.id}`),
            onError: () => setFailures((n) => n + 1),
          });
        }}
      />
    </div>
  );
}
