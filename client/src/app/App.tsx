import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { AccountControls } from '../features/auth/AccountControls.tsx';
import { SetPasswordPage } from '../features/auth/SetPasswordPage.tsx';
import { SeatsPage } from '../features/explorer/SeatsPage.tsx';
import { RegionalBoard } from '../features/targets/RegionalBoard.tsx';
import { createQueryClient } from './queryClient.ts';

// Pages chosen by path once at load (the server serves index.html for all of them); no router needed yet.
const PAGES = {
  seats: {
    skip: 'Skip to the seat map',
    title: 'Seat map',
    subtitle: 'Westminster seats, results and targets',
  },
  setPassword: { skip: 'Skip to the form', title: 'Account', subtitle: 'Set your password' },
  board: { skip: 'Skip to the targets', title: 'Regional board', subtitle: 'Seat targets by tier' },
  admin: { skip: 'Skip to users', title: 'Admin', subtitle: 'Users, roles and exports' },
} as const;

const PATHS: Record<string, keyof typeof PAGES> = {
  '/set-password': 'setPassword',
  '/board': 'board',
  '/admin': 'admin',
};

const NAV: { page: keyof typeof PAGES; href: string; label: string }[] = [
  { page: 'seats', href: '/', label: 'Seat map' },
  { page: 'board', href: '/board', label: 'Regional board' },
  { page: 'admin', href: '/admin', label: 'Admin' },
];

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [page] = useState<keyof typeof PAGES>(() => PATHS[window.location.pathname] ?? 'seats');
  const { skip, title, subtitle } = PAGES[page];
  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        {skip}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <span className="app-header__name">Groundwork</span>
        </div>
        <div className="app-header__title">
          <h1>{title}</h1>
          <p>{subtitle}</p>
        </div>
        <nav className="app-header__nav" aria-label="Pages">
          {NAV.filter((n) => n.page !== page).map((n) => (
            <a key={n.page} href={n.href}>
              {n.label}
            </a>
          ))}
        </nav>
        <AccountControls />
      </header>
      <main id="main" tabIndex={-1}>
        {page === 'setPassword' ? (
          <SetPasswordPage />
        ) : page === 'board' ? (
          <RegionalBoard />
        ) : page === 'admin' ? (
          <AdminPage />
        ) : (
          <SeatsPage />
        )}
      </main>
    </QueryClientProvider>
  );
}
