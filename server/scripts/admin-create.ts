// npm run admin:create -- --email a@b.org --name "A B" [--password-stdin]
// Creates a user with the national admin role in the configured database (DATABASE_URL, or the
// embedded PGlite under PGLITE_DIR). The password is generated and printed once, or read from stdin
// with --password-stdin (refused, exit 2, when it is too easy to guess); there is never a default password.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { databaseOptionsFromConfig, openDatabase } from '../src/db/database.ts';
import { defaultMigrationsDir, migrate } from '../src/db/migrate.ts';
import { ZEmail, ZNewPassword } from '../src/contracts/index.ts';
import { checkPasswordStrength, generateAcceptedPassword } from '../src/modules/auth/password-strength.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';

const USAGE =
  'Usage: npm run admin:create -- --email someone@example.org --name "Their Name" [--password-stdin]';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline (from echo or a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const email = ZEmail.safeParse(args.email ?? '');
  const name = args.name?.trim();
  if (!email.success || !name) {
    console.error(email.success ? 'Give the admin a --name' : `--email: ${email.error.issues[0]?.message}`);
    console.error(USAGE);
    return 2;
  }

  let password: string;
  let generated = false;
  if (args['password-stdin']) {
    if (process.stdin.isTTY) console.error('Type the password, then Enter and Ctrl-D:');
    const parsed = ZNewPassword.safeParse(await readStdin());
    if (!parsed.success) {
      console.error(`Password: ${parsed.error.issues[0]?.message}`);
      return 2;
    }
    // The same check as the app's password forms: not common, not built from this email or name.
    const verdict = await checkPasswordStrength(parsed.data, { email: email.data, name });
    if (!verdict.ok) {
      console.error(`Password: ${verdict.reason}`);
      return 2;
    }
    password = parsed.data;
  } else {
    password = await generateAcceptedPassword({ email: email.data, name });
    generated = true;
  }

  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFromConfig(config));
  try {
    await migrate(db, { dir: defaultMigrationsDir(config.repoRoot), log: (l) => console.log(`  ${l}`) });
    const existing = await db.prisma.user.findUnique({ where: { email: email.data }, select: { id: true } });
    if (existing) {
      console.error(
        `A user with the email ${email.data} already exists (id ${existing.id}); nothing was changed.`,
      );
      return 1;
    }
    const passwordHash = await hashPassword(password);
    const user = await db.prisma.user.create({
      data: {
        email: email.data,
        name,
        passwordHash,
        passwordChangedAt: new Date(),
        grants: { create: { role: 'admin' } },
      },
    });
    console.log(`Created admin ${user.name} <${user.email}> (id ${user.id}).`);
    if (generated) {
      console.log('\nPassword (shown only this once; store it in a password manager):\n');
      console.log(`  ${password}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
