import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZNewPassword } from '../../contracts/index.ts';
import { generatePassword, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt parameters, salt and hash, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(64);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('reads the parameters from the stored string (older, weaker hashes still verify)', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('an older password', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('an older password', stored)).toBe(true);
    expect(await verifyPassword('another password', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(await hashPassword('a current password'))).toBe(false);
  });

  it('rejects malformed or absurd stored hashes instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$1$2$3$4$5',
      'scrypt$1000$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==',
    ]) {
      expect(await verifyPassword('whatever password', stored)).toBe(false);
    }
    expect(await verifyPassword('x', `scrypt$${2 ** 30}$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==`)).toBe(
      false,
    );
  });

  it('generates long random passwords that pass the rules', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(generatePassword());
    expect(ZNewPassword.safeParse(a).success).toBe(true);
  });
});

describe('ZNewPassword', () => {
  it('accepts 12 to 200 characters with clear messages otherwise', () => {
    expect(ZNewPassword.safeParse('a'.repeat(12)).success).toBe(true);
    expect(ZNewPassword.safeParse('a'.repeat(200)).success).toBe(true);
    expect(ZNewPassword.safeParse('a'.repeat(11)).error?.issues[0]?.message).toBe(
      'Use at least 12 characters',
    );
    expect(ZNewPassword.safeParse('a'.repeat(201)).error?.issues[0]?.message).toBe(
      'Use at most 200 characters',
    );
    expect(ZNewPassword.safeParse(undefined).error?.issues[0]?.message).toBe('Enter a password');
  });
});
