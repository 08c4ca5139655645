import { defineConfig } from 'prisma/config';

// The datasource URL is only needed by the Prisma CLI's migrate commands on a machine that has the
// schema engine; the app connects through driver adapters (server/src/db/database.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
