import { describe, expect, it } from 'vitest';
import { utcDayFromNow } from '../../contracts/index.ts';
import { readActivityCsv, TooManyRows, totalsOf } from './activities.import.ts';

const HEADER =
  'date,type,participants,conversations,new_members,new_union_members,new_leaders,petition_signatures,notes';

describe('reading an activity CSV', () => {
  it('reads types by code or label, empty counts as none, UK dates and thousands separators', () => {
    const read = readActivityCsv(
      [
        HEADER,
        '2026-03-02,door_knocking,6,41,2,,1,,Good doors on Cowpen Road',
        '03/03/2026,Public meeting,35,,,,,"1,250",',
        '2026-03-04,STALL,,,,,,,',
      ].join('\n'),
    );
    expect(read.errors).toEqual([]);
    expect(read.rows).toBe(3);
    expect(read.activities[0]).toEqual({
      line: 2,
      occurredOn: '2026-03-02',
      type: 'door_knocking',
      participants: 6,
      conversations: 41,
      newMembers: 2,
      newUnionMembers: null,
      newLeaders: 1,
      petitionSignatures: null,
      notes: 'Good doors on Cowpen Road',
    });
    expect(read.activities[1]).toMatchObject({
      occurredOn: '2026-03-03',
      type: 'public_meeting',
      petitionSignatures: 1250,
    });
    expect(read.activities[2]).toMatchObject({ type: 'stall', participants: null });
    expect(totalsOf(read.activities)).toMatchObject({
      activities: 3,
      participants: 41,
      petitionSignatures: 1250,
    });
  });

  it('reports every bad cell with its line and column: negative, fractional, absurd, words, bad dates and types', () => {
    const tomorrowPlusOne = utcDayFromNow(2);
    const read = readActivityCsv(
      [
        HEADER,
        '2026-03-02,stall,-3,,,,,,',
        '2026-03-02,stall,,2.5,,,,,',
        '2026-03-02,stall,,,,,,5000000,',
        '2026-03-02,stall,,,ten,,,,',
        '2026-02-30,stall,,,,,,,',
        `${tomorrowPlusOne},stall,,,,,,,`,
        '2026-03-02,knitting,,,,,,,',
        ',,,,,,,,',
      ].join('\n'),
    );
    expect(read.activities).toEqual([]);
    expect(read.errors).toEqual([
      { line: 2, field: 'participants', reason: 'must be a whole number from 0 to 100,000, got "-3"' },
      { line: 3, field: 'conversations', reason: 'must be a whole number from 0 to 10,000, got "2.5"' },
      {
        line: 4,
        field: 'petition_signatures',
        reason: 'must be a whole number from 0 to 1,000,000, got 5000000',
      },
      { line: 5, field: 'new_members', reason: 'must be a whole number from 0 to 5,000, got "ten"' },
      { line: 6, field: 'date', reason: 'must be a real date, got "2026-02-30"' },
      {
        line: 7,
        field: 'date',
        reason: `must not be in the future (at the latest tomorrow), got ${tomorrowPlusOne}`,
      },
      {
        line: 8,
        field: 'type',
        reason: expect.stringMatching(/^must be an activity type .*, got "knitting"$/),
      },
      { line: 9, field: 'date', reason: 'is required' },
      { line: 9, field: 'type', reason: 'is required' },
    ]);
  });

  it('counts lines as an editor does: CRLF, blank lines and notes over several lines', () => {
    const read = readActivityCsv(
      [
        'Date,Type,Notes',
        '2026-03-02,stall,"first line',
        'second line"',
        '',
        '2026-03-03,stall,-',
        '2026-13-01,stall,',
      ].join('\r\n'),
    );
    expect(read.rows).toBe(3);
    expect(read.activities[0]!.notes).toBe('first line\nsecond line');
    expect(read.errors).toEqual([
      { line: 6, field: 'Date', reason: 'must be a real date, got "2026-13-01"' },
    ]);
  });

  it('names a missing column, an empty file and a header with no rows', () => {
    expect(readActivityCsv('date,participants\n2026-03-02,4').errors).toEqual([
      { line: 1, field: 'type', reason: 'required column is missing' },
    ]);
    expect(readActivityCsv('').errors).toEqual([{ line: 1, field: '(file)', reason: 'is empty' }]);
    expect(readActivityCsv(`${HEADER}\n`).errors).toEqual([
      { line: 2, field: '(file)', reason: 'has no activities under the header' },
    ]);
  });

  it('refuses notes with control characters and rows with more cells than the header', () => {
    const read = readActivityCsv(
      ['date,type,notes', '2026-03-02,stall,bell\u0007', '2026-03-02,stall,a,b'].join('\n'),
    );
    expect(read.errors).toEqual([
      { line: 2, field: 'notes', reason: 'must not contain control characters' },
      { line: 3, field: '(row)', reason: 'has 4 cells, the header has 3' },
    ]);
  });

  it('refuses rows dated before the pilot started, naming the line and the start', () => {
    const read = readActivityCsv(['date,type', '2000-01-01,stall', '2026-08-04,stall'].join('\n'), {
      startsOn: '2026-08-04',
    });
    expect(read.errors).toEqual([
      { line: 2, field: 'date', reason: 'must not be before the pilot started (2026-08-04), got 2000-01-01' },
    ]);
    expect(read.activities).toMatchObject([{ line: 3, occurredOn: '2026-08-04' }]);
  });

  it('shows at most 40 characters of a huge count in its error', () => {
    const huge = '9'.repeat(10_000);
    const [error] = readActivityCsv(`date,type,participants\n2026-03-02,stall,${huge}`).errors;
    expect(error).toEqual({
      line: 2,
      field: 'participants',
      reason: `must be a whole number from 0 to 100,000, got ${'9'.repeat(40)}…`,
    });
  });

  it('refuses more than 5,000 rows at once', () => {
    const rows = Array.from({ length: 5001 }, () => '2026-03-02,stall');
    expect(() => readActivityCsv(['date,type', ...rows].join('\n'))).toThrow(TooManyRows);
    expect(readActivityCsv(['date,type', ...rows.slice(1)].join('\n')).activities).toHaveLength(5000);
  });
});
