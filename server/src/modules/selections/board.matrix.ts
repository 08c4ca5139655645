// Authorization-matrix rows for the national selections board (see access/matrix.ts): admins and the
// staff of any region; nobody else signed in; 401 signed out.
import type { Case, Expect, MatrixEnv } from '../access/matrix.ts';

const staff: Expect = (c) =>
  c === 'signed out'
    ? 401
    : c === 'admin' || c === 'regional staff' || c === 'regional staff, other region'
      ? 200
      : 403;

export function selectionBoardCases(_env: MatrixEnv): Record<string, Case> {
  return {
    'GET /api/selections/board': {
      expect: staff,
      request: () => ({ url: '/api/selections/board?electionType=general' }),
    },
    'GET /api/selections/board.csv': {
      expect: staff,
      request: () => ({ url: '/api/selections/board.csv?stage=shortlist' }),
    },
  };
}
