import { describe, expect, it } from 'vitest';
import { describeHistoryChange } from './format.ts';

const at = '2026-12-02T09:04:00.000Z';

describe('describeHistoryChange (account history in words)', () => {
  it('says an account was disabled or enabled, not "disabledAt: — → date"', () => {
    const disabled = describeHistoryChange({ field: 'disabledAt', before: null, after: at });
    expect(disabled).toMatch(/^Account disabled: 2 Dec 2026, \d\d:\d\d$/);
    const enabled = describeHistoryChange({ field: 'disabledAt', before: at, after: null });
    expect(enabled).toMatch(/^Account enabled \(disabled since 2 Dec 2026, \d\d:\d\d\)$/);
    expect(`${disabled} ${enabled}`).not.toContain('disabledAt');
  });

  it('labels other fields and names roles in words', () => {
    expect(describeHistoryChange({ field: 'name', before: null, after: 'Nia Newcomer' })).toBe(
      'Name: — → Nia Newcomer',
    );
    expect(describeHistoryChange({ field: 'role', before: null, after: 'regional_staff' })).toBe(
      'Role: — → Regional staff',
    );
    expect(describeHistoryChange({ field: 'revokedAt', before: null, after: at })).toMatch(
      /^Revoked: — → 2 Dec 2026/,
    );
    // A field this list does not know yet still shows, under its own name.
    expect(describeHistoryChange({ field: 'somethingNew', before: 1, after: 2 })).toBe('somethingNew: 1 → 2');
  });
});
