import { z } from 'zod';
import { ZRef } from './common.ts';

export const ZClpsQuery = z
  .object({
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    region: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
      .optional(),
    limit: z.coerce.number().int().min(1).max(650).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ZClp = z.object({ id: z.number().int(), name: z.string(), seat: ZRef, region: ZRef });
export const ZClpsResponse = z.object({ total: z.number().int(), items: z.array(ZClp) });
