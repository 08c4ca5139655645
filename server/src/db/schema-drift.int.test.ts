import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';

// Proves the hand-written migrations build exactly the database schema.prisma describes: Prisma's own
// schema parser (the WASM build the CLI uses) gives the data model; the catalogue gives the database.

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}

const require = createRequire(import.meta.url);
const { repoRoot } = loadConfig({});
const schemaWasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };
const dmmf = JSON.parse(
  schemaWasm.get_dmmf(
    JSON.stringify({ prismaSchema: fs.readFileSync(path.join(repoRoot, 'prisma/schema.prisma'), 'utf8') }),
  ),
) as { datamodel: { models: DmmfModel[]; indexes: DmmfIndex[]; enums: DmmfEnum[] } };
const models = dmmf.datamodel.models;
const enumsByName = new Map(dmmf.datamodel.enums.map((e) => [e.name, e]));

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const modelByName = new Map(models.map((m) => [m.name, m]));
const columnOf = (m: DmmfModel, field: string) => {
  const f = m.fields.find((x) => x.name === field);
  if (!f) throw new Error(`${m.name}.${field} not in the schema`);
  return f.dbName ?? f.name;
};

/** What PostgreSQL's format_type() prints for a Prisma scalar on the postgresql provider. */
function expectedType(f: DmmfField): string {
  if (f.kind === 'enum') return enumsByName.get(f.type)!.dbName ?? f.type;
  const [native, args = []] = f.nativeType ?? [undefined, []];
  switch (native) {
    case 'VarChar':
      return `character varying(${args[0]})`;
    case 'SmallInt':
      return 'smallint';
    case 'Date':
      return 'date';
    case 'Timestamptz':
      return `timestamp(${args[0] ?? 6}) with time zone`;
    case 'Decimal':
      return `numeric(${args[0]},${args[1]})`;
    case 'Char':
      return `character(${args[0]})`;
    case 'Uuid':
      return 'uuid';
    case undefined:
      break;
    default:
      throw new Error(`add native type ${native} to the drift test`);
  }
  const base: Record<string, string> = {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Boolean: 'boolean',
    DateTime: 'timestamp(3) without time zone',
    Decimal: 'numeric(65,30)',
    Json: 'jsonb',
  };
  const type = base[f.type];
  if (!type) throw new Error(`add type ${f.type} to the drift test`);
  return type;
}

function expectedDefault(f: DmmfField): string | null {
  if (!f.hasDefaultValue) return null;
  // Prisma writes a scalar list's empty default as an empty array of the element type.
  if (f.isList && Array.isArray(f.default) && f.default.length === 0) return `ARRAY[]::${expectedType(f)}[]`;
  const d = f.default as { name?: string } | string | number | boolean;
  if (typeof d === 'object' && d?.name === 'autoincrement') return 'nextval';
  if (typeof d === 'object' && d?.name === 'now') return 'CURRENT_TIMESTAMP';
  if (typeof d === 'string') {
    if (f.type === 'Json') return `'${d}'::jsonb`;
    if (f.kind !== 'enum') return `'${d}'::text`;
    // PostgreSQL quotes a type name in a default only when it must.
    const type = enumsByName.get(f.type)!.dbName ?? f.type;
    return `'${d}'::${/^[a-z_][a-z0-9_]*$/.test(type) ? type : `"${type}"`}`;
  }
  return String(d);
}

const ON_DELETE: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const q = <T>(text: string, params?: unknown[]) => db.withConnection((sql) => sql.query<T>(text, params));

describe('the migrated database matches prisma/schema.prisma', () => {
  it('has exactly one table per model', async () => {
    const rows = await q<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.t).sort()).toEqual(models.map(tableOf).sort());
  });

  it.each(models.map((m) => [m.name, m] as const))(
    '%s: columns, types, nullability, defaults',
    async (_n, m) => {
      const rows = await q<{ column: string; type: string; notnull: boolean; def: string | null }>(
        `SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              pg_get_expr(d.adbin, d.adrelid) AS def
         FROM pg_attribute a
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        [`"${tableOf(m)}"`],
      );
      const actual = Object.fromEntries(
        rows.map((r) => [
          r.column,
          { type: r.type, notNull: r.notnull, def: r.def?.startsWith('nextval(') ? 'nextval' : r.def },
        ]),
      );
      const expected = Object.fromEntries(
        m.fields
          .filter((f) => f.kind !== 'object')
          .map((f) => [
            f.dbName ?? f.name,
            // Prisma makes scalar-list columns nullable ("text[]") whatever the schema says.
            f.isList
              ? { type: `${expectedType(f)}[]`, notNull: false, def: expectedDefault(f) }
              : { type: expectedType(f), notNull: f.isRequired, def: expectedDefault(f) },
          ]),
      );
      expect(actual).toEqual(expected);
    },
  );

  it('has the enum types the schema declares, with their values in order', async () => {
    const rows = await q<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace s ON s.oid = t.typnamespace
        WHERE s.nspname = 'public' GROUP BY t.typname`,
    );
    const expected = dmmf.datamodel.enums.map((e) => ({
      name: e.dbName ?? e.name,
      values: e.values.map((v) => v.dbName ?? v.name),
    }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('has the primary keys, unique constraints and indexes the schema declares', async () => {
    const rows = await q<{
      table: string;
      name: string;
      unique: boolean;
      primary: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
              ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
        WHERE s.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const actual = rows.map(
      (r) =>
        `${r.table} ${r.name} ${r.primary ? 'PK' : r.unique ? 'UNIQUE' : 'INDEX'} (${r.columns.join(',')})`,
    );
    const expected = dmmf.datamodel.indexes.map((ix) => {
      const m = modelByName.get(ix.model)!;
      const table = tableOf(m);
      const cols = ix.fields.map((f) => columnOf(m, f.name));
      const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[ix.type];
      const name = ix.dbName ?? (ix.type === 'id' ? `${table}_pkey` : `${table}_${cols.join('_')}_${suffix}`);
      return `${table} ${name} ${ix.type === 'id' ? 'PK' : ix.type === 'unique' ? 'UNIQUE' : 'INDEX'} (${cols.join(',')})`;
    });
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has the foreign keys the relations declare, with their referential actions', async () => {
    const rows = await q<{
      table: string;
      name: string;
      ref: string;
      cols: string[];
      refcols: string[];
      del: string;
      upd: string;
    }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.confrelid::regclass::text AS ref,
              ARRAY(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
              ARRAY(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS refcols,
              c.confdeltype AS del, c.confupdtype AS upd
         FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
        WHERE c.contype = 'f' AND s.nspname = 'public'`,
    );
    const unquote = (t: string) => t.replace(/^"|"$/g, '');
    const actual = rows.map(
      (r) =>
        `${unquote(r.table)}.${r.name} (${r.cols.join(',')}) -> ${unquote(r.ref)}(${r.refcols.join(',')}) delete:${ON_DELETE[r.del]} update:${ON_DELETE[r.upd]}`,
    );
    const expected = models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
        .map((f) => {
          const target = modelByName.get(f.type)!;
          const cols = f.relationFromFields!.map((c) => columnOf(m, c));
          const refcols = f.relationToFields!.map((c) => columnOf(target, c));
          const onDelete = f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull');
          return `${tableOf(m)}.${tableOf(m)}_${cols.join('_')}_fkey (${cols.join(',')}) -> ${tableOf(target)}(${refcols.join(',')}) delete:${onDelete} update:Cascade`;
        }),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });
});
