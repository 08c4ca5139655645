import { z } from 'zod';
import { PG_INT_MAX, ZQueryInt, ZRef, ZText } from './common.ts';

export const ZClpsQuery = z
  .object({
    q: ZText({ max: 100 }).optional(),
    region: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
      .optional(),
    limit: ZQueryInt({ min: 1, max: 650, default: 50 }),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
  })
  .strict();

export const ZClp = z.object({ id: z.number().int(), name: z.string(), seat: ZRef, region: ZRef });
export const ZClpsResponse = z.object({ total: z.number().int(), items: z.array(ZClp) });
