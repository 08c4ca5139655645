// npm run demo:users [-- --reset]
// Creates one demo user per role, for trying the app: member, organiser and selection officer of
// Blyth and Ashington CLP, regional staff for the North East, and an admin. Passwords are generated and
// printed once. Users that already exist are left alone unless --reset, which gives them new passwords,
// ends their sessions and restores their demo grants. Never run against a production database.
import type { TRole } from '../src/contracts/index.ts';
import { generateAcceptedPassword } from '../src/modules/auth/password-strength.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { runDemoScript } from './demo-script.ts';

const DEMO_DOMAIN = 'demo.groundwork.test';
const CLP_SEAT = { boundarySetCode: '2024', code: 'E14001107' }; // Blyth and Ashington
const REGION = 'E12000001'; // North East

interface DemoUser {
  role: TRole;
  email: string;
  name: string;
  scope: 'clp' | 'region' | 'national';
}

const DEMO_USERS: DemoUser[] = [
  { role: 'member', email: `member@${DEMO_DOMAIN}`, name: 'Demo Member', scope: 'clp' },
  { role: 'organiser', email: `organiser@${DEMO_DOMAIN}`, name: 'Demo Organiser', scope: 'clp' },
  {
    role: 'selection_officer',
    email: `selection-officer@${DEMO_DOMAIN}`,
    name: 'Demo Selection Officer',
    scope: 'clp',
  },
  {
    role: 'regional_staff',
    email: `regional-staff@${DEMO_DOMAIN}`,
    name: 'Demo Regional Staff',
    scope: 'region',
  },
  { role: 'admin', email: `admin@${DEMO_DOMAIN}`, name: 'Demo Admin', scope: 'national' },
];

runDemoScript('demo:users', 'demo users', async (prisma, { reset }) => {
  const clp = await prisma.clp.findFirst({
    where: { constituency: CLP_SEAT },
    include: { constituency: { select: { regionCode: true } } },
  });
  const region = await prisma.region.findUnique({ where: { code: REGION } });
  if (!clp || !region) {
    console.error(
      'The seat data is not loaded (no CLP for E14001107 or no region E12000001): start the server once, ' +
        'or run npm run data:import, then try again.',
    );
    return 1;
  }

  const printed: { role: string; email: string; password: string; scope: string }[] = [];
  const kept: string[] = [];
  for (const demo of DEMO_USERS) {
    const scope =
      demo.scope === 'clp'
        ? { clpId: clp.id, regionCode: null }
        : demo.scope === 'region'
          ? { clpId: null, regionCode: region.code }
          : { clpId: null, regionCode: null };
    const scopeLabel = demo.scope === 'clp' ? clp.name : demo.scope === 'region' ? region.name : 'national';
    const existing = await prisma.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (existing && !reset) {
      kept.push(demo.email);
      continue;
    }
    const password = await generateAcceptedPassword(demo);
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      const user = existing
        ? await tx.user.update({
            where: { id: existing.id },
            data: { name: demo.name, passwordHash, passwordChangedAt: new Date(), disabledAt: null },
          })
        : await tx.user.create({
            data: { email: demo.email, name: demo.name, passwordHash, passwordChangedAt: new Date() },
          });
      await tx.session.deleteMany({ where: { userId: user.id } });
      await tx.roleGrant.deleteMany({ where: { userId: user.id } });
      await tx.roleGrant.create({ data: { userId: user.id, role: demo.role, ...scope } });
    });
    printed.push({ role: demo.role, email: demo.email, password, scope: scopeLabel });
  }

  if (kept.length > 0) {
    console.log(
      `Already there, left unchanged: ${kept.join(', ')}\n` +
        '(run npm run demo:users -- --reset to give them new passwords)',
    );
  }
  if (printed.length > 0) {
    console.log(
      `\n${reset ? 'Demo users (new passwords)' : 'Demo users created'}; passwords are shown only this once:\n`,
    );
    const cols = ['role', 'email', 'password', 'scope'] as const;
    const widths = cols.map((c) => Math.max(c.length, ...printed.map((p) => p[c].length)));
    const line = (cells: readonly string[]) =>
      `  ${cells.map((v, i) => v.padEnd(widths[i]!)).join('  ')}`.trimEnd();
    console.log(line(cols));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    for (const p of printed) console.log(line(cols.map((c) => p[c])));
    console.log('');
  }
  return 0;
});
