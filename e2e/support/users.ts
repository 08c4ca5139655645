import type { PrismaClient } from '../../server/src/generated/prisma/client.ts';
import type { TRole } from '../../server/src/contracts/index.ts';
import { hashPassword } from '../../server/src/modules/auth/passwords.ts';

export interface E2eUser {
  role: TRole;
  email: string;
  name: string;
  password: string;
}

const CLP_SEAT = { boundarySetCode: '2024', code: 'E14001107' }; // Blyth and Ashington
const REGION = 'E12000001'; // North East
const PASSWORD = 'correct horse battery staple';

const USERS: { role: TRole; name: string; scope: 'clp' | 'region' | 'national' }[] = [
  { role: 'regional_staff', name: 'Rita Regional', scope: 'region' },
  { role: 'organiser', name: 'Olu Organiser', scope: 'clp' },
  { role: 'admin', name: 'Ada Admin', scope: 'national' },
  { role: 'selection_officer', name: 'Sol Selection', scope: 'clp' },
  { role: 'member', name: 'Mo Member', scope: 'clp' },
];

/**
 * Writes one user per role straight into the app's database (global setup, before any test), all with
 * the same known password. Emails are per role: `regional_staff@e2e.groundwork.test`.
 */
export async function createE2eUsers(prisma: PrismaClient): Promise<E2eUser[]> {
  const clp = await prisma.clp.findFirst({ where: { constituency: CLP_SEAT } });
  if (!clp) throw new Error(`no CLP for seat ${CLP_SEAT.code}: is the data loaded?`);
  const passwordHash = await hashPassword(PASSWORD);
  const users: E2eUser[] = [];
  for (const u of USERS) {
    const email = `${u.role.replace(/_/g, '-')}@e2e.groundwork.test`;
    const scope =
      u.scope === 'clp'
        ? { clpId: clp.id, regionCode: null }
        : u.scope === 'region'
          ? { clpId: null, regionCode: REGION }
          : { clpId: null, regionCode: null };
    // An upsert, so a reused E2E_DATABASE_URL starts from the same users too.
    const user = await prisma.user.upsert({
      where: { email },
      create: { email, name: u.name, passwordHash, passwordChangedAt: new Date() },
      update: { name: u.name, passwordHash, passwordChangedAt: new Date(), disabledAt: null },
    });
    await prisma.session.deleteMany({ where: { userId: user.id } });
    await prisma.loginAttempt.deleteMany({ where: { email } });
    await prisma.roleGrant.deleteMany({ where: { userId: user.id } });
    await prisma.roleGrant.create({ data: { userId: user.id, role: u.role, ...scope } });
    users.push({ role: u.role, email, name: u.name, password: PASSWORD });
  }
  return users;
}

export function userWithRole(users: readonly E2eUser[], role: TRole): E2eUser {
  const user = users.find((u) => u.role === role);
  if (!user) throw new Error(`no e2e user with role ${role}`);
  return user;
}
