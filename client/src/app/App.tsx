import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { SeatsPage } from '../features/explorer/SeatsPage.tsx';
import { createQueryClient } from './queryClient.ts';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        Skip to the seat map
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <span className="app-header__name">Groundwork</span>
        </div>
        <div className="app-header__title">
          <h1>Seat map</h1>
          <p>Westminster seats, results and targets</p>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <SeatsPage />
      </main>
    </QueryClientProvider>
  );
}
