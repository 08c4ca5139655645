import { z } from 'zod';

export const PURPOSE_MIN_LENGTH = 10;
export const PURPOSE_MAX_LENGTH = 500;

/** Every personal-data export states why; the purpose is kept with who, what and when. */
export const ZExportQuery = z
  .object({
    purpose: z
      .string({ message: 'is required: say why you need this data' })
      .trim()
      .min(PURPOSE_MIN_LENGTH, `must say why you need this data (at least ${PURPOSE_MIN_LENGTH} characters)`)
      .max(PURPOSE_MAX_LENGTH, `must be at most ${PURPOSE_MAX_LENGTH} characters`),
  })
  .strict();

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
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const ZExportRecordsResponse = z.object({ total: z.number().int(), items: z.array(ZExportRecord) });
