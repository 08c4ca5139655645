import {
  ELECTION_TYPES,
  SELECTION_STAGES,
  ZErrorResponse,
  ZSelectionBoard,
  keptPercent,
  type TStateCounts,
} from '@groundwork/server/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiUrl, attachmentName } from '../../api/http.ts';
import { saveFile } from '../../ui/saveFile.ts';

/** The board's filters, exactly as they are written in the page's URL and sent to the API. */
export interface SelectionBoardFilters {
  electionType?: string | undefined;
  stage?: string | undefined;
}
const VALID: Record<keyof SelectionBoardFilters, readonly string[]> = {
  electionType: ELECTION_TYPES,
  stage: SELECTION_STAGES,
};

/** Reads the page URL leniently: a value the board does not know is left out rather than refused. */
export function readFilters(search: string): SelectionBoardFilters {
  const p = new URLSearchParams(search);
  const out: SelectionBoardFilters = {};
  for (const key of Object.keys(VALID) as (keyof SelectionBoardFilters)[]) {
    const v = p.get(key);
    if (v && VALID[key].includes(v)) out[key] = v;
  }
  return out;
}

export const selectionBoardKeys = {
  all: ['selection-board'] as const,
  board: (f: SelectionBoardFilters) => [...selectionBoardKeys.all, f] as const,
};

export function useSelectionBoard(filters: SelectionBoardFilters, enabled: boolean) {
  return useQuery({
    queryKey: selectionBoardKeys.board(filters),
    queryFn: ({ signal }) =>
      apiGet('/api/selections/board', { params: { ...filters }, schema: ZSelectionBoard, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

async function csvError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = ZErrorResponse.safeParse(body);
  return parsed.success
    ? new ApiError({ status: res.status, ...parsed.data.error })
    : new ApiError({ status: res.status, code: 'HTTP_ERROR', message: `The server answered ${res.status}` });
}

/** Fetches the board's CSV with the same filters and saves it under the name the server gives it. */
export function useDownloadBoardCsv() {
  return useMutation({
    mutationFn: async (filters: SelectionBoardFilters) => {
      let res: Response;
      try {
        res = await fetch(apiUrl('/api/selections/board.csv', { ...filters }), {
          headers: { Accept: 'text/csv' },
        });
      } catch {
        throw new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the Groundwork server.' });
      }
      if (!res.ok) throw await csvError(res);
      saveFile(
        await res.blob(),
        attachmentName(res.headers.get('Content-Disposition')) ?? 'selections-board.csv',
      );
    },
  });
}

/** "2 of 3 kept (67%)", or null when the rule applies to none of them. */
export function keptText(c: TStateCounts): string | null {
  const applied = c.kept + c.atRisk + c.broken;
  if (applied === 0) return null;
  return `${c.kept} of ${applied} kept (${keptPercent(c)}%)`;
}

/** "1 broken, 1 at risk", or "" when none is. */
export function troubleText(c: TStateCounts): string {
  return [c.broken ? `${c.broken} broken` : '', c.atRisk ? `${c.atRisk} at risk` : '']
    .filter(Boolean)
    .join(', ');
}
