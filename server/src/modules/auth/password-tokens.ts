import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { assertStrongPassword } from './password-strength.ts';
import { hashPassword } from './passwords.ts';
import { randomToken, sha256Hex } from './tokens.ts';

/**
 * A single-use set-password link token for a user (the admin copies the link; there is no email).
 * Earlier unused tokens of the same user stop working. The database keeps only the token's SHA-256.
 */
export async function issuePasswordToken(
  prisma: PrismaClient,
  args: { userId: number; createdById?: number | null; ttlHours?: number },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + (args.ttlHours ?? 72) * 3_600_000);
  await prisma.$transaction([
    prisma.passwordToken.deleteMany({ where: { userId: args.userId, usedAt: null } }),
    prisma.passwordToken.create({
      data: {
        tokenHash: sha256Hex(token),
        userId: args.userId,
        createdById: args.createdById ?? null,
        expiresAt,
        createdAt: now,
      },
    }),
  ]);
  return { token, expiresAt };
}

function tokenError(message: string): AppError {
  return new AppError('BAD_REQUEST', message, [{ field: 'token', message }]);
}

/**
 * Uses a set-password token: sets the user's password, marks the token used and ends all the user's
 * sessions, in one transaction. Unknown, used and expired tokens get their own 400 message (field token);
 * a password too easy to guess for this user gets a 400 on newPassword and the token stays usable.
 */
export async function consumePasswordToken(
  prisma: PrismaClient,
  token: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<{ userId: number }> {
  const row = await prisma.passwordToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { user: { select: { email: true, name: true } } },
  });
  // Unknown: mistyped or cut short, or deleted (replaced by a newer link, or the account was disabled).
  if (!row)
    throw tokenError(
      'This link is no longer valid: it may have been used already, replaced by a newer one, or cancelled. Check it was copied whole, or ask an admin for a new one.',
    );
  if (row.usedAt)
    throw tokenError('This set-password link has already been used; ask an admin for a new one');
  if (row.expiresAt.getTime() <= now.getTime()) {
    throw tokenError('This set-password link has expired; ask an admin for a new one');
  }
  // Before anything is written: a refused password leaves the token unused, to try again with.
  await assertStrongPassword(newPassword, row.user);
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    // Claim the token first: of two concurrent uses, only one gets count 1.
    const claimed = await tx.passwordToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      throw tokenError('This set-password link has already been used; ask an admin for a new one');
    }
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, passwordChangedAt: now, version: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: row.userId } });
  });
  return { userId: row.userId };
}
