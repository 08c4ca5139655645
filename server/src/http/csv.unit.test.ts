import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv.ts';

describe('the CSV writer', () => {
  it('escapes text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('+44 1234')).toBe("'+44 1234");
    expect(neutralise('-2+3')).toBe("'-2+3");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('Blyth and Ashington')).toBe('Blyth and Ashington');
    expect(neutralise(-1.5)).toBe(-1.5);
    expect(neutralise(null)).toBe('');
  });

  it('escapes full-width formula characters, and a formula after a ; or , separator', () => {
    expect(neutralise("＝cmd|' /C calc'!A0")).toBe("'＝cmd|' /C calc'!A0");
    expect(neutralise('＠SUM(A1)')).toBe("'＠SUM(A1)");
    expect(neutralise("safe;=cmd|' /C calc'!A0")).toBe("'safe;=cmd|' /C calc'!A0");
    expect(neutralise('a, "+1')).toBe('\'a, "+1');
    expect(neutralise('Hold; tier 1, Reform second')).toBe('Hold; tier 1, Reform second');
    expect(neutralise('Majority 1,234 - down 2,000')).toBe('Majority 1,234 - down 2,000');
  });

  it('quotes commas and quotes as RFC 4180 says', () => {
    expect(toCsv(['a', 'b'], [['x, "y"', 2]])).toBe('a,b\n"x, ""y""",2\n');
  });
});
