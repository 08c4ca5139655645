import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AccountControls } from '../features/auth/AccountControls.tsx';
import { SetPasswordPage } from '../features/auth/SetPasswordPage.tsx';
import { SeatsPage } from '../features/explorer/SeatsPage.tsx';
import { createQueryClient } from './queryClient.ts';

// Two pages, chosen by path once at load (the server serves index.html for both); no router needed yet.
const PAGES = {
  seats: {
    skip: 'Skip to the seat map',
    title: 'Seat map',
    subtitle: 'Westminster seats, results and targets',
  },
  setPassword: { skip: 'Skip to the form', title: 'Account', subtitle: 'Set your password' },
} as const;

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [page] = useState<keyof typeof PAGES>(() =>
    window.location.pathname === '/set-password' ? 'setPassword' : 'seats',
  );
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
        <AccountControls />
      </header>
      <main id="main" tabIndex={-1}>
        {page === 'setPassword' ? <SetPasswordPage /> : <SeatsPage />}
      </main>
    </QueryClientProvider>
  );
}
