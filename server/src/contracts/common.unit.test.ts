import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  PG_INT_MAX,
  TEXT_MESSAGES,
  ZId,
  ZIdParam,
  ZPassword,
  ZQueryDecimal,
  ZQueryInt,
  ZText,
} from './common.ts';

/** The messages of a failed parse (empty when it succeeds). */
function messages(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe('ZText', () => {
  const line = ZText({ max: 10 });
  const lines = ZText({ max: 10, multiline: true });

  it('trims, then keeps the length limit and its message', () => {
    expect(line.parse('  Blyth \n')).toBe('Blyth');
    expect(messages(line, 'x'.repeat(11))).toEqual(['must be at most 10 characters']);
    expect(messages(ZText({ min: 3, minMessage: 'is too short', max: 10 }), ' ab ')).toEqual([
      'is too short',
    ]);
    expect(ZText({ max: 10, trim: false }).parse(' a ')).toBe(' a ');
  });

  it('refuses DEL, the C1 controls, bidirectional overrides and line separators, in any text', () => {
    // Found by a hostile probe: "a\u007f\u0085\u009bb\u202e\u2028" passed as a reason for disabling an account.
    for (const c of [
      '\u007f',
      '\u0085',
      '\u009b',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u2028',
      '\u2029',
    ]) {
      expect(messages(line, `a${c}b`), JSON.stringify(c)).toEqual([TEXT_MESSAGES.control]);
      expect(messages(lines, `a${c}b`), JSON.stringify(c)).toEqual([TEXT_MESSAGES.control]);
    }
    // Right-to-left text needs none of them.
    expect(messages(line, 'مرحبا')).toEqual([]);
    expect(messages(line, 'שלום')).toEqual([]);
  });

  it('refuses the NUL and every other C0 control character in single-line text', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\t', '\n', '\r', '\u000b', '\u001b', '\u001f']) {
      expect(messages(line, `a${c}b`), JSON.stringify(c)).toEqual([TEXT_MESSAGES.control]);
    }
  });

  it('lets multi-line text hold tab, line feed and carriage return, and nothing else below U+0020', () => {
    expect(lines.parse('a\tb\r\nc')).toBe('a\tb\r\nc');
    for (const c of ['\u0000', '\u0001', '\u000b', '\u000c', '\u001b']) {
      expect(messages(lines, `a${c}b`), JSON.stringify(c)).toEqual([TEXT_MESSAGES.control]);
    }
  });

  it('refuses lone surrogates but keeps characters outside the BMP and other scripts', () => {
    expect(messages(line, 'a\ud800')).toEqual([TEXT_MESSAGES.unicode]);
    expect(messages(line, '\udc00b')).toEqual([TEXT_MESSAGES.unicode]);
    expect(messages(line, '\udc00\ud800')).toEqual([TEXT_MESSAGES.unicode]);
    expect(ZText({ max: 20 }).parse('Ynys Môn ✊🏽')).toBe('Ynys Môn ✊🏽');
    expect(line.parse('Cymraeg')).toBe('Cymraeg');
  });

  it('says what is missing with the field’s own message', () => {
    expect(messages(ZText({ error: 'is required', max: 5 }), undefined)).toEqual(['is required']);
  });
});

describe('ZPassword', () => {
  const password = ZPassword({ error: 'Enter a password', min: 3, minMessage: 'Use at least 3', max: 20 });

  it('takes any character as typed (no trimming) except the NUL and lone surrogates', () => {
    expect(password.parse(' a\tb\u0001c ')).toBe(' a\tb\u0001c ');
    expect(password.parse('pässwörd🔑')).toBe('pässwörd🔑');
    expect(messages(password, 'abc\u0000def')).toEqual([TEXT_MESSAGES.nul]);
    expect(messages(password, 'abc\ud83ddef')).toEqual([TEXT_MESSAGES.unicode]);
    expect(messages(password, 'ab')).toEqual(['Use at least 3']);
  });
});

describe('ZId (JSON bodies)', () => {
  const id = ZId('a CLP id');
  const message = 'must be a CLP id (a whole number from 1 to 2147483647)';

  it('takes integers from 1 to 2147483647 only', () => {
    expect(id.parse(1)).toBe(1);
    expect(id.parse(PG_INT_MAX)).toBe(PG_INT_MAX);
    for (const v of [0, -1, 1.5, PG_INT_MAX + 1, 1e20, Number.NaN, '5', null]) {
      expect(messages(id, v), String(v)).toEqual([message]);
    }
  });
});

describe('ZIdParam (paths and query strings)', () => {
  const id = ZIdParam('a user id');
  const message = 'must be a user id (a whole number from 1 to 2147483647)';

  it('reads plain decimal digits as a number', () => {
    expect(id.parse('1')).toBe(1);
    expect(id.parse('2147483647')).toBe(2147483647);
  });

  it('refuses anything else, with one message', () => {
    for (const v of [
      '0',
      '01',
      '-1',
      '1.5',
      '5.0',
      '0x1',
      '1e3',
      ' 5',
      '5 ',
      '+5',
      '',
      '2147483648',
      '99999999999',
    ]) {
      expect(messages(id, v), v).toEqual([message]);
    }
  });
});

describe('ZQueryInt', () => {
  const limit = ZQueryInt({ min: 1, max: 200, default: 50 });
  const message = 'must be a whole number from 1 to 200';

  it('reads plain decimal integers, with the default when absent', () => {
    expect(limit.parse(undefined)).toBe(50);
    expect(limit.parse('1')).toBe(1);
    expect(limit.parse('200')).toBe(200);
  });

  it('refuses other spellings of numbers and values out of range', () => {
    for (const v of ['0x1', '1e3', ' 5', '5.0', '1.5', '', 'abc', '0', '-1', '201', '2147483648']) {
      expect(messages(limit, v), v).toEqual([message]);
    }
  });
});

describe('ZQueryDecimal', () => {
  const swing = ZQueryDecimal({ min: 0, max: 100 });
  const message = 'must be a number from 0 to 100';

  it('reads plain decimals', () => {
    expect(swing.parse('5')).toBe(5);
    expect(swing.parse('2.5')).toBe(2.5);
    expect(swing.parse('100')).toBe(100);
  });

  it('refuses other spellings of numbers and values out of range', () => {
    for (const v of ['1e1', '0x1', ' 5', '5.', '.5', '', 'NaN', 'Infinity', '-0.5', '100.01']) {
      expect(messages(swing, v), v).toEqual([message]);
    }
  });
});
