import { errorMessage } from '../../api/ApiError.ts';
import { useSession } from '../auth/api.ts';
import { isAdmin } from './api.ts';
import { ExportsSection } from './ExportsSection.tsx';
import { TargetsSettingSection } from './TargetsSettingSection.tsx';
import { UsersSection } from './UsersSection.tsx';
import './admin.css';

/**
 * Users, their roles and set-password links, and the users export with its record: national admins only.
 * Nothing admin-only is asked of the server until the session says this is an admin.
 */
export function AdminPage() {
  const session = useSession();

  if (session.isPending) {
    return (
      <p className="state" role="status">
        Checking who is signed in…
      </p>
    );
  }
  if (session.isError) {
    return (
      <p className="state state--error" role="alert">
        {errorMessage(session.error)}
      </p>
    );
  }
  if (!isAdmin(session.data)) {
    return (
      <div className="narrow-page">
        <section className="narrow-page__panel admin-denied" aria-labelledby="admin-denied-title">
          <h2 id="admin-denied-title" className="narrow-page__title">
            Admin
          </h2>
          <p role="alert">
            {session.data
              ? 'Only admins can manage users and roles. Ask an admin if you need this.'
              : 'Sign in as an admin to manage users and roles.'}
          </p>
        </section>
      </div>
    );
  }
  return (
    <div className="admin">
      <UsersSection />
      <TargetsSettingSection />
      <ExportsSection />
    </div>
  );
}

export default AdminPage;
