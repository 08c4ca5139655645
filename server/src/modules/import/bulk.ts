// Bulk INSERT for the import: all rows of a table travel as ONE jsonb parameter and are expanded by
// jsonb_to_recordset, so a table is one statement whatever its size. Prisma's createMany sends the same
// rows as tens of thousands of bind parameters and was ~10× slower here (1.5 s for 13,580 votes).
// Table and column names come from the constants below, never from data; the data is only a parameter.
import type { Prisma } from '../../generated/prisma/client.ts';

export interface BulkTable {
  table: string;
  /** Column name → SQL type, as in prisma/migrations. */
  columns: Readonly<Record<string, string>>;
  /** Unique key for ON CONFLICT … DO UPDATE (an upsert); omitted for plain inserts. */
  conflict?: readonly string[];
}

export const CONSTITUENCY_TABLE: BulkTable = {
  table: 'constituency',
  columns: {
    boundary_set_code: 'varchar(4)',
    code: 'varchar(9)',
    name: 'text',
    name_welsh: 'text',
    region_code: 'varchar(9)',
    nation_code: 'varchar(9)',
    constituency_type: 'text',
    electorate: 'integer',
    leave_share: 'numeric(6,5)',
    deprivation_decile: 'smallint',
    deprivation_score: 'numeric(8,4)',
    red_wall: 'boolean',
    geometry: 'jsonb',
    hex_q: 'integer',
    hex_r: 'integer',
  },
  conflict: ['boundary_set_code', 'code'],
};

export const RESULT_TABLE: BulkTable = {
  table: 'result',
  columns: {
    election_code: 'varchar(8)',
    constituency_id: 'integer',
    electorate: 'integer',
    valid_votes: 'integer',
    invalid_votes: 'integer',
    majority: 'integer',
    winner_code: 'varchar(8)',
    second_code: 'varchar(8)',
    result_text: 'text',
  },
};

export const VOTE_TABLE: BulkTable = {
  table: 'result_vote',
  columns: { result_id: 'integer', party_code: 'varchar(8)', votes: 'integer' },
};

export const OVERLAP_TABLE: BulkTable = {
  table: 'constituency_overlap',
  columns: {
    from_id: 'integer',
    to_id: 'integer',
    pop_share: 'numeric(4,3)',
    area_share: 'numeric(4,3)',
    population: 'integer',
  },
};

export async function bulkInsert<R extends object>(
  tx: Prisma.TransactionClient,
  spec: BulkTable,
  rows: readonly Record<string, unknown>[],
  returning: readonly string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(spec.columns);
  const types = names.map((n) => `${n} ${spec.columns[n]}`).join(', ');
  const updates = names.filter((n) => !spec.conflict?.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  const sql = [
    `INSERT INTO ${spec.table} (${names.join(', ')})`,
    `SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${types})`,
    spec.conflict ? `ON CONFLICT (${spec.conflict.join(', ')}) DO UPDATE SET ${updates.join(', ')}` : '',
    returning.length > 0 ? `RETURNING ${returning.join(', ')}` : '',
  ].join('\n');
  if (returning.length === 0) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows));
    return [];
  }
  return tx.$queryRawUnsafe<R[]>(sql, JSON.stringify(rows));
}
