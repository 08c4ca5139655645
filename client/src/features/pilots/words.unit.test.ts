import { describe, expect, it } from 'vitest';
import { evidenceLinks, importSummary } from './words.ts';

describe('the import preview summary', () => {
  it('counts rows with problems apart from the problems, so the parts add up', () => {
    const errors = [{}, {}, {}];
    expect(importSummary({ rows: 4, valid: 3, errors })).toBe(
      '4 rows read: 3 ready, 1 with problems (3 problems).',
    );
    expect(importSummary({ rows: 4, valid: 2, errors: [{}, {}] })).toBe(
      '4 rows read: 2 ready, 2 with problems.',
    );
    expect(importSummary({ rows: 2, valid: 1, errors: [{}] })).toBe(
      '2 rows read: 1 ready, 1 with a problem.',
    );
    expect(importSummary({ rows: 3, valid: 3, errors: [] })).toBe('3 rows read: 3 ready.');
    expect(importSummary({ rows: 0, valid: 0, errors: [{}] })).toBe('0 rows read: 0 ready; 1 problem.');
  });
});

describe('evidence links', () => {
  it('reads one link a line and names a whole line that is not a link', () => {
    expect(evidenceLinks('https://a.example/x\n\n  http://b.example  ')).toEqual({
      links: ['https://a.example/x', 'http://b.example'],
    });
    expect(evidenceLinks('https://a.example\nbbc news article').problem).toBe(
      '“bbc news article” is not a web link (http or https)',
    );
    expect(evidenceLinks('ftp://files.example/x').problem).toContain('“ftp://files.example/x”');
  });
});
