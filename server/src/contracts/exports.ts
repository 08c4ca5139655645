import { z } from 'zod';
import { PG_INT_MAX, ZQueryInt, ZText } from './common.ts';

export const PURPOSE_MIN_LENGTH = 10;
export const PURPOSE_MAX_LENGTH = 500;

/**
 * Every personal-data export states why; the purpose is kept with who, what and when. A JSON body of a POST,
 * not a query: recording an export is a write, so it needs the CSRF token like every other write.
 */
export const ZExportUsersRequest = z
  .object({
    purpose: ZText({
      error: 'is required: say why you need this data',
      multiline: true,
      min: PURPOSE_MIN_LENGTH,
      minMessage: `must say why you need this data (at least ${PURPOSE_MIN_LENGTH} characters)`,
      max: PURPOSE_MAX_LENGTH,
    }),
  })
  .strict();
export type TExportUsersRequest = z.infer<typeof ZExportUsersRequest>;

export const ZExportRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable(),
  dataset: z.string(),
  filters: z.unknown(),
  rowCount: z.number().int(),
  purpose: z.string(),
});
export const ZExportRecordsQuery = z
  .object({
    limit: ZQueryInt({ min: 1, max: 200, default: 50 }),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
  })
  .strict();
export const ZExportRecordsResponse = z.object({ total: z.number().int(), items: z.array(ZExportRecord) });
