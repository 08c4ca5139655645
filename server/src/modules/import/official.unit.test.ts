// Reads the real official files (prisma/seed/official, or GROUNDWORK_DATA_DIR) and damaged copies of them.
// Spot-check figures were read by hand from the source CSVs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from './dataset.ts';
import { ImportError, type ImportProblem } from './errors.ts';
import { loadConfig } from '../../config.ts';
import { defaultOfficialDir } from './bundle.ts';
import { readOfficialFiles } from './official.ts';

const SOURCE = process.env.GROUNDWORK_DATA_DIR ?? defaultOfficialDir(loadConfig({}).repoRoot);
const HOC_2019 = 'results/HoC-GE2019-results-by-constituency.csv';
const HOC_2024 = 'results/HoC-GE2024-results-by-constituency.csv';
const IMD_2024 = 'deprivation/uk-composite-imd-2024-boundaries.csv';
const OVERLAPS = 'lookups/pcon2010-to-pcon2024-overlap.csv';

const tmpDirs: string[] = [];

/** A writable copy of the source folder (the originals are read-only), optionally renamed flat. */
function copySource(rename?: (rel: string, i: number) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-import-'));
  tmpDirs.push(dir);
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(SOURCE, rel), { withFileTypes: true }).flatMap((e) => {
      const r = path.join(rel, e.name);
      return e.isDirectory() ? walk(r) : [r];
    });
  walk('')
    .sort()
    .forEach((rel, i) => {
      const target = path.join(dir, rename ? rename(rel, i) : rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, fs.readFileSync(path.join(SOURCE, rel)));
    });
  return dir;
}

function edit(dir: string, rel: string, change: (text: string) => string): void {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

/** 1-based line of the first line containing `needle`. */
function lineOf(dir: string, rel: string, needle: string): number {
  return (
    fs
      .readFileSync(path.join(dir, rel), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1
  );
}

const toCsv = (rows: string[][]) =>
  rows
    .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
    .join('\r\n');

async function problemsOf(dir: string): Promise<ImportProblem[]> {
  const error = await readOfficialFiles(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return [...(error as ImportError).problems];
}

afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('readOfficialFiles on the real files', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await readOfficialFiles(SOURCE);
  }, 30_000);

  const seat = (set: string, code: string) =>
    data.constituencies.find((c) => c.boundarySetCode === set && c.code === code);
  const result = (election: string, code: string) =>
    data.results.find((r) => r.electionCode === election && r.constituencyCode === code);
  const votes = (election: string, code: string) =>
    Object.fromEntries((result(election, code)?.votes ?? []).map((v) => [v.party, v.votes]));

  it('has 650 seats per boundary set and 650 results per election', () => {
    expect(data.constituencies.filter((c) => c.boundarySetCode === '2010')).toHaveLength(650);
    expect(data.constituencies.filter((c) => c.boundarySetCode === '2024')).toHaveLength(650);
    for (const e of ['GE2017', 'GE2019', 'GE2019N', 'GE2024']) {
      expect(data.results.filter((r) => r.electionCode === e)).toHaveLength(650);
    }
    expect(data.overlaps).toHaveLength(1306);
    expect(data.regions).toHaveLength(12);
  });

  it('reads Blyth Valley and Bury North 2019 (2010 set)', () => {
    expect(result('GE2019', 'E14000575')).toMatchObject({
      winnerCode: 'Con',
      secondCode: 'Lab',
      majority: 712,
      validVotes: 40859,
      invalidVotes: 94,
      electorate: 64429,
      resultText: 'Con gain from Lab',
    });
    expect(votes('GE2019', 'E14000575')).toMatchObject({ Con: 17440, Lab: 16728, BRX: 3394 });
    expect(result('GE2019', 'E14000611')).toMatchObject({
      winnerCode: 'Con',
      secondCode: 'Lab',
      majority: 105,
    });
    expect(seat('2010', 'E14000575')).toMatchObject({
      name: 'Blyth Valley',
      regionCode: 'E12000001',
      nationCode: 'E92000001',
    });
  });

  it('splits an independent winner out of "other" (Islington North 2024)', () => {
    expect(result('GE2024', 'E14001305')).toMatchObject({
      winnerCode: 'Ind',
      secondCode: 'Lab',
      majority: 7247,
      validVotes: 49006,
    });
    expect(votes('GE2024', 'E14001305')).toMatchObject({ Ind: 24120, Lab: 16873, Oth: 32 });
    expect(seat('2024', 'E14001305')).toMatchObject({
      electorate: 72852,
      regionCode: 'E12000007',
      constituencyType: 'Borough',
    });
  });

  it('reads notional 2019 results on the 2024 boundaries', () => {
    expect(result('GE2019N', 'E14001272')).toMatchObject({
      winnerCode: 'Lab',
      secondCode: 'Con',
      majority: 3595,
      validVotes: 41037,
      electorate: 71228,
      invalidVotes: null,
      resultText: null,
    });
    expect(votes('GE2019N', 'E14001272')).toMatchObject({ Lab: 15464, Con: 11869, BRX: 10603, Oth: 1405 });
    // Chorley: the Speaker (no column) won; the runner-up "Other" is the independent in IND1v.
    expect(result('GE2019N', 'E14001170')).toMatchObject({
      winnerCode: 'Spk',
      secondCode: 'Ind',
      majority: 17392,
    });
    expect(votes('GE2019N', 'E14001170')).toEqual({ Spk: 26831, Ind: 9439, Green: 3600 });
  });

  it('keeps the five shared Scottish codes as separate seats in each set', () => {
    for (const code of ['S14000021', 'S14000027', 'S14000045', 'S14000048', 'S14000051']) {
      const old = seat('2010', code);
      const now = seat('2024', code);
      expect(old).toBeDefined();
      expect(now).toBeDefined();
      expect([old?.hexQ, old?.hexR]).not.toEqual([now?.hexQ, now?.hexR]);
      expect(result('GE2019', code)).toBeDefined();
      expect(result('GE2024', code)).toBeDefined();
    }
  });

  it('keeps Welsh names and accents', () => {
    expect(seat('2024', 'W07000112')).toMatchObject({ name: 'Ynys Môn', nameWelsh: 'Ynys Môn' });
    expect(seat('2010', 'W07000041')).toMatchObject({ name: 'Ynys Môn', nameWelsh: null });
    // The republished GeoJSON lost the ŵ; the House of Commons file has it.
    expect(seat('2024', 'W07000102')?.name).toBe('Montgomeryshire and Glyndŵr');
    expect(seat('2024', 'W07000082')?.nameWelsh).toBe('Alun a Glannau Dyfrdwy');
    expect(seat('2024', 'E14001063')).toMatchObject({ name: 'Aldershot', nameWelsh: null });
  });

  it('has Leave shares for Great Britain only, and deprivation everywhere', () => {
    expect(seat('2010', 'E14000530')?.leaveShare).toBeCloseTo(0.57898, 5);
    expect(seat('2024', 'N05000004')).toMatchObject({ leaveShare: null, deprivationDecile: 1 });
    expect(
      data.constituencies.filter((c) => c.leaveShare === null).every((c) => c.nationCode === 'N92000002'),
    ).toBe(true);
    expect(data.constituencies.every((c) => c.deprivationDecile !== null)).toBe(true);
  });

  it('names every party that wins, comes second or has a vote column, with the agreed colours', () => {
    const parties = new Map(data.parties.map((p) => [p.code, p]));
    for (const r of data.results) {
      expect(parties.has(r.winnerCode) && parties.has(r.secondCode)).toBe(true);
    }
    expect(parties.get('Lab')?.colour).toBe('#E4003B');
    expect(parties.get('APNI')?.colour).toBe('#F6CB2F');
    for (const code of ['UKIP', 'BRX', 'RUK', 'TUV', 'Spk', 'Ind', 'Oth', 'WPB', 'NHA'])
      expect(parties.has(code)).toBe(true);
    expect(
      [...parties.keys()].some((c) => ['Spkr', 'All', 'Alliance', 'Grn', 'Brexit', 'Other'].includes(c)),
    ).toBe(false);
  });

  it('finds the files by content whatever they are called, with BOM and CRLF', async () => {
    const dir = copySource((rel, i) => `dropped/file-${i}${path.extname(rel)}`);
    for (const name of fs.readdirSync(path.join(dir, 'dropped')).filter((n) => n.endsWith('.csv'))) {
      edit(dir, `dropped/${name}`, (t) => `\uFEFF${t.replace(/\r?\n/g, '\r\n')}`);
    }
    expect(await readOfficialFiles(dir)).toEqual(data);
  }, 30_000);
});

describe('readOfficialFiles on damaged copies', () => {
  it('reports a non-numeric vote count with its file, line and column', async () => {
    const dir = copySource();
    const line = lineOf(dir, HOC_2019, 'E14000611');
    edit(dir, HOC_2019, (t) => t.replace(',21660,21555,', ',21660,2l555,'));
    expect(await problemsOf(dir)).toEqual([
      { file: HOC_2019, line, field: 'Lab', message: 'must be a whole number, got "2l555"' },
    ]);
  }, 30_000);

  it('reports a missing column at the header line', async () => {
    const dir = copySource();
    edit(dir, HOC_2024, (t) => {
      const rows = parse(t) as string[][];
      const at = rows[0]?.indexOf('Valid votes') ?? -1;
      return toCsv(rows.map((r) => r.filter((_, i) => i !== at)));
    });
    expect(await problemsOf(dir)).toEqual([
      { file: HOC_2024, line: 1, field: 'Valid votes', message: 'required column is missing' },
    ]);
  }, 30_000);

  it('reports a 2010-set code in a 2024-set file', async () => {
    const dir = copySource();
    const line = lineOf(dir, HOC_2024, 'E14001107');
    edit(dir, HOC_2024, (t) => t.replace('E14001107,', 'E14000575,'));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual({
      file: HOC_2024,
      line,
      field: 'ONS ID',
      message: 'E14000575 is not a seat of the 2024 boundary set (it is a 2010-set code)',
    });
    expect(problems).toContainEqual({
      file: HOC_2024,
      line: '-',
      field: '(rows)',
      message: expect.stringContaining('E14001107 Blyth and Ashington'),
    });
    expect(problems.every((p) => p.file === HOC_2024)).toBe(true);
  }, 30_000);

  it('reports a duplicate row at the later line', async () => {
    const dir = copySource();
    const first = lineOf(dir, IMD_2024, 'E14001063');
    const text = fs.readFileSync(path.join(dir, IMD_2024), 'utf8');
    const row = text.split('\n')[first - 1] ?? '';
    edit(dir, IMD_2024, (t) => `${t.trimEnd()}\n${row}\n`);
    const last = text.trimEnd().split('\n').length + 1;
    expect(await problemsOf(dir)).toEqual([
      {
        file: IMD_2024,
        line: last,
        field: 'PCON24CD',
        message: `E14001063 appears again (first on line ${first})`,
      },
    ]);
  }, 30_000);

  it('names a missing kind of file', async () => {
    const dir = copySource();
    fs.rmSync(path.join(dir, OVERLAPS));
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: dir,
      field: '(folder)',
      message: expect.stringContaining('2010→2024 constituency overlap'),
    });
  }, 30_000);

  it('reports party votes that do not add up and a wrong majority', async () => {
    const dir = copySource();
    const line = lineOf(dir, HOC_2019, 'E14000611');
    edit(dir, HOC_2019, (t) => t.replace(',Con,Lab,68802,46841,111,105,', ',Con,Lab,68802,46842,111,106,'));
    expect(await problemsOf(dir)).toEqual([
      { file: HOC_2019, line, field: 'Valid votes', message: 'is 46842 but the party columns sum to 46841' },
      { file: HOC_2019, line, field: 'Majority', message: 'is 106 but Con − Lab = 105' },
    ]);
  }, 30_000);
});
