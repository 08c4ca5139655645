// Authorization-matrix rows for this part of the pilots module (see access/matrix.ts): the national board
// and the vote comparison for admins and any region's staff; a region's board for admins and that region's
// staff (the matrix's regional staff hold the North East, E12000001); the goal read by anyone signed in and
// set by admins.
import {
  adminOnly,
  signedIn,
  type Caller,
  type Case,
  type Expect,
  type MatrixEnv,
} from '../access/matrix.ts';

const staff =
  (regions: readonly Caller[]): Expect =>
  (c) =>
    c === 'signed out' ? 401 : c === 'admin' || regions.includes(c) ? 200 : 403;
const anyRegion = staff(['regional staff', 'regional staff, other region']);
const northEast = staff(['regional staff']);

export function boardCases(_env: MatrixEnv): Record<string, Case> {
  return {
    'GET /api/pilot-boards/national': {
      expect: anyRegion,
      request: () => ({ url: '/api/pilot-boards/national?status=active' }),
    },
    'GET /api/pilot-boards/national.csv': {
      expect: anyRegion,
      request: () => ({ url: '/api/pilot-boards/national.csv' }),
    },
    'GET /api/pilot-boards/region': {
      expect: northEast,
      request: () => ({ url: '/api/pilot-boards/region?region=E12000001' }),
    },
    'GET /api/pilot-boards/region.csv': {
      expect: northEast,
      request: () => ({ url: '/api/pilot-boards/region.csv?region=E12000001' }),
    },
    'GET /api/pilot-boards/vote-effect': {
      expect: anyRegion,
      request: () => ({ url: '/api/pilot-boards/vote-effect' }),
    },
    'GET /api/settings/pilot-goal': {
      expect: signedIn(200),
      request: () => ({ url: '/api/settings/pilot-goal' }),
    },
    'PUT /api/settings/pilot-goal': {
      expect: adminOnly(200),
      request: () => ({ url: '/api/settings/pilot-goal', body: { perRegion: 3 } }),
    },
  };
}
