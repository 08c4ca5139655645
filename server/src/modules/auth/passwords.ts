import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// A password a user chooses: long rather than complicated (no composition rules); password-strength.ts
// refuses the ones that are easy to guess.

/**
 * scrypt parameters for new hashes. N = 2^15, r = 8 needs 128·N·r = 32 MiB per hash, so brute force on
 * GPUs is expensive; the parameters are stored with each hash, so they can be raised without a migration.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 64 } as const;

const MIN_MAXMEM = 64 * 1024 * 1024;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function maxmemFor(N: number, r: number): number {
  return Math.max(MIN_MAXMEM, 2 * 128 * N * r);
}

/** Hashes a password as `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`. */
export async function hashPassword(plain: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = SCRYPT_PARAMS;
  const salt = randomBytes(saltBytes);
  const key = await scryptAsync(plain.normalize('NFC'), salt, keyBytes, { N, r, p, maxmem: maxmemFor(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,10}$/.test(s) ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  // N must be a power of two above 1; bounds keep a corrupt row from asking for absurd memory.
  if (!(N > 1 && N <= 2 ** 22 && (N & (N - 1)) === 0) || !(r >= 1 && r <= 64) || !(p >= 1 && p <= 16)) {
    return undefined;
  }
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return undefined;
  return { N, r, p, salt, key };
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const { N, r, p, salt, key } = parsed;
  const candidate = await scryptAsync(plain.normalize('NFC'), salt, key.length, {
    N,
    r,
    p,
    maxmem: maxmemFor(N, r),
  });
  return timingSafeEqual(candidate, key);
}

/** True when a stored hash uses weaker parameters than SCRYPT_PARAMS (rehash it at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.N < SCRYPT_PARAMS.N ||
    parsed.r < SCRYPT_PARAMS.r ||
    parsed.p < SCRYPT_PARAMS.p ||
    parsed.key.length < SCRYPT_PARAMS.keyBytes
  );
}

/** A random password for CLIs (about 144 bits): 24 base64url characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
