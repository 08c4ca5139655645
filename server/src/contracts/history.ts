import { z } from 'zod';

export const ZHistoryParams = z.object({
  type: z.enum(['seat-target', 'user', 'role-grant']).meta({ example: 'seat-target' }),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a record id')
    .meta({ example: 'E14001107' }),
});

export const ZHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  source: z.string().nullable(),
  reason: z.string().nullable(),
});
export const ZHistoryResponse = z.object({ items: z.array(ZHistoryEntry) });
