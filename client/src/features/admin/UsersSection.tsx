import { useRef, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { USERS_PAGE_SIZE, useUsers, type AdminUser } from './api.ts';
import { Field } from '../../ui/Field.tsx';
import { describeAdminGrant } from './format.ts';
import { NewUserDialog } from './NewUserDialog.tsx';
import { Pager } from './Pager.tsx';
import { UserPanel } from './UserPanel.tsx';
import { useDebounced } from './useDebounced.ts';

/** Search, a page of users, the new-user dialog, and the chosen user's panel beside the table. */
export function UsersSection() {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [paging, setPaging] = useState({ q: '', offset: 0 });
  // A new search starts again at the first page.
  const offset = paging.q === q ? paging.offset : 0;
  const users = useUsers(q, offset);
  const [selected, setSelected] = useState<{ id: number; email: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);

  function created(user: AdminUser) {
    setCreating(false);
    setSearch(user.email);
    setSelected({ id: user.id, email: user.email });
  }

  const data = users.data;
  return (
    <section className="admin-section" aria-labelledby="admin-users-title">
      <div className="admin-section__head">
        <h2 id="admin-users-title">Users and roles</h2>
        <button type="button" className="button" ref={newButton} onClick={() => setCreating(true)}>
          New user
        </button>
      </div>
      <div className="admin-users">
        <div className="admin-users__list" aria-busy={users.isFetching}>
          <Field label="Search users" hint="Name or email address" className="admin-search">
            {(a) => (
              <input
                {...a}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          {users.isError ? (
            <p className="state state--error" role="alert">
              {errorMessage(users.error)}
            </p>
          ) : !data ? (
            <p className="state" role="status">
              Loading users…
            </p>
          ) : data.items.length === 0 ? (
            <p className="state" role="status">
              {q ? `No users match “${q}”.` : 'No users yet.'}
            </p>
          ) : (
            <>
              <p className="admin-count" role="status">
                {data.total === 1 ? '1 user' : `${data.total} users`}
                {q ? ` matching “${q}”` : ''}
              </p>
              <div className="table-scroll">
                <table className="seat-table admin-table">
                  <caption className="visually-hidden">Users{q ? ` matching ${q}` : ''}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Password</th>
                      <th scope="col">Roles in force</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((u) => {
                      const roles = u.grants.filter((g) => g.active).map(describeAdminGrant);
                      const current = u.id === selected?.id;
                      return (
                        <tr
                          key={u.id}
                          className={
                            [current ? 'is-selected' : '', u.disabled ? 'admin-table__row--disabled' : '']
                              .filter(Boolean)
                              .join(' ') || undefined
                          }
                          data-user-id={u.id}
                        >
                          <th scope="row">
                            <button
                              type="button"
                              className="link-button"
                              aria-current={current ? 'true' : undefined}
                              onClick={() => setSelected({ id: u.id, email: u.email })}
                            >
                              {u.name}
                            </button>
                            {u.disabled && (
                              <span className="badge badge--small admin-badge--disabled">Disabled</span>
                            )}
                          </th>
                          <td>{u.email}</td>
                          <td>{u.hasPassword ? 'Set' : 'Not set'}</td>
                          <td className="admin-table__roles">
                            {roles.length ? [...new Set(roles)].join(', ') : 'None'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <Pager
                label="User pages"
                offset={offset}
                pageSize={USERS_PAGE_SIZE}
                total={data.total}
                onOffset={(o) => setPaging({ q, offset: o })}
              />
            </>
          )}
        </div>
        {selected ? (
          <UserPanel
            key={selected.id}
            userId={selected.id}
            email={selected.email}
            onClose={() => setSelected(null)}
          />
        ) : (
          <p className="admin-users__hint">
            Choose a user’s name to see their roles, give a role, send a set-password link or disable the
            account.
          </p>
        )}
      </div>
      {creating && (
        <NewUserDialog onClose={() => setCreating(false)} onCreated={created} returnFocus={newButton} />
      )}
    </section>
  );
}
