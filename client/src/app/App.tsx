import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type MouseEvent } from 'react';
import { AccountControls } from '../features/auth/AccountControls.tsx';
import { SeatsPage } from '../features/explorer/SeatsPage.tsx';
import { SEAT_MAP_ID } from '../features/seat-map/SeatMap.tsx';
import { HeaderMenu } from './HeaderMenu.tsx';
import { PageBoundary } from './PageBoundary.tsx';
import { pageFor, type PageId } from './pages.ts';
import { createQueryClient } from './queryClient.ts';

// Only the map page is in the first script: the others are fetched when opened, so the map's data
// requests start sooner (issue 6, scope 6).
const RegionalBoard = lazy(() =>
  import('../features/targets/RegionalBoard.tsx').then((m) => ({ default: m.RegionalBoard })),
);
const AdminPage = lazy(() => import('../features/admin/AdminPage.tsx'));
const SetPasswordPage = lazy(() =>
  import('../features/auth/SetPasswordPage.tsx').then((m) => ({ default: m.SetPasswordPage })),
);
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));
const MyPilotsPage = lazy(() => import('../features/pilots/MyPilotsPage.tsx'));
const NewPilotPage = lazy(() => import('../features/pilots/NewPilotPage.tsx'));
const PilotPage = lazy(() => import('../features/pilots/PilotPage.tsx'));
const PilotBoardPage = lazy(() => import('../features/pilot-boards/PilotBoardPage.tsx'));
const SelectionsPage = lazy(() => import('../features/selections/SelectionsPage.tsx'));
const SelectionPage = lazy(() => import('../features/selections/SelectionPage.tsx'));
const SelectionBoardPage = lazy(() => import('../features/selection-board/SelectionBoardPage.tsx'));

// Pages chosen by path once at load (the server serves index.html for all of them); no router needed yet.
const PAGES = {
  seats: {
    skip: 'Skip to the seat map',
    skipTo: SEAT_MAP_ID,
    title: 'Seat map',
    subtitle: 'Westminster seats, results and targets',
  },
  setPassword: { skip: 'Skip to the form', skipTo: 'main', title: 'Account', subtitle: 'Set your password' },
  board: {
    skip: 'Skip to the targets',
    skipTo: 'main',
    title: 'Regional board',
    subtitle: 'Seat targets by tier',
  },
  admin: { skip: 'Skip to users', skipTo: 'main', title: 'Admin', subtitle: 'Users, roles and exports' },
  pilots: {
    skip: 'Skip to the pilots',
    skipTo: 'main',
    title: 'Pilots',
    subtitle: 'Community-organising pilots',
  },
  pilotNew: { skip: 'Skip to the form', skipTo: 'main', title: 'New pilot', subtitle: 'Start a pilot' },
  pilot: {
    skip: 'Skip to the pilot',
    skipTo: 'main',
    title: 'Pilot',
    subtitle: 'Activity, partners and outcome',
  },
  pilotBoard: {
    skip: 'Skip to the board',
    skipTo: 'main',
    title: 'Pilot board',
    subtitle: 'Pilots against the regional goal',
  },
  selections: {
    skip: 'Skip to the selections',
    skipTo: 'main',
    title: 'Selections',
    subtitle: 'Candidate selections and the rules they keep',
  },
  selection: {
    skip: 'Skip to the selection',
    skipTo: 'main',
    title: 'Selection',
    subtitle: 'Stages, candidates and compliance',
  },
  selectionBoard: {
    skip: 'Skip to the board',
    skipTo: 'main',
    title: 'Selections board',
    subtitle: 'Selections keeping each rule',
  },
  notFound: { skip: 'Skip to the content', skipTo: 'main', title: 'Page not found', subtitle: '' },
} as const;

const NAV: { page: PageId; href: string; label: string }[] = [
  { page: 'seats', href: '/', label: 'Seat map' },
  { page: 'board', href: '/board', label: 'Regional board' },
  { page: 'pilots', href: '/pilots', label: 'Pilots' },
  { page: 'pilotBoard', href: '/pilots/board', label: 'Pilot board' },
  { page: 'selections', href: '/selections', label: 'Selections' },
  { page: 'selectionBoard', href: '/selections/board', label: 'Selections board' },
  { page: 'admin', href: '/admin', label: 'Admin' },
];

/** The skip link moves focus itself: a #fragment would add a history entry and miss Leaflet's container. */
function skipTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id) ?? document.getElementById('main');
  if (!target) return;
  e.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [page] = useState<PageId>(() => pageFor(window.location.pathname));
  const { skip, skipTo: skipId, title, subtitle } = PAGES[page];

  useEffect(() => {
    document.title = `${title} · Groundwork`;
  }, [title]);

  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href={`#${skipId}`} onClick={(e) => skipTo(e, skipId)}>
        {skip}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <span className="app-header__name">Groundwork</span>
        </div>
        <div className="app-header__title">
          <h1>{title}</h1>
          {subtitle && <p>{subtitle}</p>}
        </div>
        <HeaderMenu links={NAV.filter((n) => n.page !== page)} />
        <AccountControls />
      </header>
      <main id="main" tabIndex={-1}>
        <PageBoundary>
          <Suspense
            fallback={
              <p className="state" role="status">
                Loading…
              </p>
            }
          >
            {page === 'setPassword' ? (
              <SetPasswordPage />
            ) : page === 'board' ? (
              <RegionalBoard />
            ) : page === 'admin' ? (
              <AdminPage />
            ) : page === 'pilots' ? (
              <MyPilotsPage />
            ) : page === 'pilotNew' ? (
              <NewPilotPage />
            ) : page === 'pilot' ? (
              <PilotPage />
            ) : page === 'pilotBoard' ? (
              <PilotBoardPage />
            ) : page === 'selections' ? (
              <SelectionsPage />
            ) : page === 'selection' ? (
              <SelectionPage />
            ) : page === 'selectionBoard' ? (
              <SelectionBoardPage />
            ) : page === 'notFound' ? (
              <NotFoundPage />
            ) : (
              <SeatsPage />
            )}
          </Suspense>
        </PageBoundary>
      </main>
    </QueryClientProvider>
  );
}
