import { describe, expect, it } from 'vitest';
import { attachmentName } from './http.ts';

describe('attachmentName', () => {
  it('reads the file name of an attachment', () => {
    expect(attachmentName('attachment; filename="groundwork-users-2026-12-02.csv"')).toBe(
      'groundwork-users-2026-12-02.csv',
    );
  });

  it('gives nothing for a missing header, no name, or a name with a path in it', () => {
    expect(attachmentName(null)).toBeUndefined();
    expect(attachmentName('attachment')).toBeUndefined();
    expect(attachmentName('attachment; filename="../evil.csv"')).toBeUndefined();
    expect(attachmentName('attachment; filename="a\\\\b.csv"')).toBeUndefined();
  });
});
