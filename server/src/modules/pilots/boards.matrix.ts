// Authorization-matrix rows for this part of the pilots module (see access/matrix.ts).
import type { Case, MatrixEnv } from '../access/matrix.ts';

export function boardCases(_env: MatrixEnv): Record<string, Case> {
  return {};
}
