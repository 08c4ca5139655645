import {
  ZClientConfig,
  ZElectionsResponse,
  ZHealth,
  ZPartiesResponse,
  ZRegionsResponse,
  type TBoundarySet,
  type TElectionCode,
  type THealth,
} from '../../contracts/index.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { migrationState } from '../../db/migrate.ts';
import { classifyDatabaseError } from '../../http/database-errors.ts';
import type { DatabaseStatus } from '../../http/database-status.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { DATA_ATTRIBUTION } from '../import/attribution.ts';

export function referenceRoutes(deps: {
  db: Database;
  config: Config;
  migrationsDir: string;
  status?: DatabaseStatus;
}): AnyRoute[] {
  const { prisma } = deps.db;
  return [
    defineRoute({
      method: 'get',
      path: '/regions',
      tags: ['reference'],
      access: 'public',
      summary: 'Regions and nations with their seat counts on each boundary set',
      response: ZRegionsResponse,
      handler: async (_input, _req, res) => {
        const [regions, counts] = await Promise.all([
          prisma.region.findMany({
            include: { nation: true },
            orderBy: [{ nationCode: 'asc' }, { name: 'asc' }],
          }),
          prisma.constituency.groupBy({ by: ['regionCode', 'boundarySetCode'], _count: { _all: true } }),
        ]);
        const count = (region: string, set: TBoundarySet) =>
          counts.find((c) => c.regionCode === region && c.boundarySetCode === set)?._count._all ?? 0;
        res.json({
          items: regions.map((r) => ({
            code: r.code,
            name: r.name,
            nation: { code: r.nation.code, name: r.nation.name },
            seats: { '2010': count(r.code, '2010'), '2024': count(r.code, '2024') },
          })),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/parties',
      tags: ['reference'],
      access: 'public',
      summary: 'Parties with the colours the map uses',
      response: ZPartiesResponse,
      handler: async (_input, _req, res) => {
        res.json({ items: await prisma.party.findMany({ orderBy: { code: 'asc' } }) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/elections',
      tags: ['reference'],
      access: 'public',
      summary: 'Elections with results loaded, and the boundaries each is on',
      response: ZElectionsResponse,
      handler: async (_input, _req, res) => {
        const elections = await prisma.election.findMany({
          orderBy: [{ polledOn: 'desc' }, { code: 'desc' }],
        });
        res.json({
          items: elections.map((e) => ({
            code: e.code as TElectionCode,
            name: e.name,
            polledOn: e.polledOn.toISOString().slice(0, 10),
            boundarySet: e.boundarySetCode as TBoundarySet,
            notional: e.notional,
            source: e.source,
          })),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/config',
      tags: ['reference'],
      access: 'public',
      summary: 'Settings the client needs: map tiles and the attribution the data licences require',
      response: ZClientConfig,
      handler: (_input, _req, res) => {
        res.json({
          tileUrl: deps.config.mapTileUrl,
          tileAttribution: deps.config.mapTileAttribution,
          dataAttribution: DATA_ATTRIBUTION,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/health',
      tags: ['reference'],
      access: 'public',
      summary:
        'Database kind and state, migration state and the latest data load; 503 with status "degraded" when the database cannot be read, migrations are pending or no data is loaded',
      response: ZHealth,
      handler: async (_input, _req, res) => {
        let read;
        try {
          read = await Promise.all([
            migrationState(deps.db, deps.migrationsDir),
            prisma.datasetImport.findFirst({ orderBy: { id: 'desc' } }),
            prisma.constituency.count(),
          ]);
        } catch (error) {
          const failure = classifyDatabaseError(error);
          if (!failure) throw error;
          if (failure === 'unavailable') deps.status?.unavailable(error);
          const state = failure === 'busy' && deps.status?.available !== false ? 'busy' : 'unavailable';
          res.status(503).json({
            status: 'degraded',
            database: { kind: deps.db.kind, state, migrations: null },
            data: null,
          } satisfies THealth);
          return;
        }
        deps.status?.connected();
        const [migrations, lastImport, seats] = read;
        const ok = migrations.pending.length === 0 && seats > 0;
        res.status(ok ? 200 : 503).json({
          status: ok ? 'ok' : 'degraded',
          database: { kind: deps.db.kind, state: 'up', migrations },
          data: {
            loaded: seats > 0,
            lastImport: lastImport
              ? {
                  id: lastImport.id,
                  source: lastImport.source,
                  finishedAt: lastImport.finishedAt.toISOString(),
                }
              : null,
          },
        } satisfies THealth);
      },
    }),
  ];
}
