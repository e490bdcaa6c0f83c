import type { Kysely } from 'kysely';
import {
  computeBoundary,
  DEFAULT_BOUNDARY_RULES,
  type BoundaryRules,
} from '../../domain/cii/boundary';
import { explainInclusion } from '../../domain/cii/explain';
import { ValidationError, type ErrorDetail } from '../../errors';
import type { CiiFile, CiiImportResult } from '../../shared/cii-schemas';
import {
  insertCoreBusiness,
  insertInChunks,
  listAssets,
  listCoreBusinesses,
  listDependencies,
  listFlows,
  updateAsset,
  updateCoreBusiness,
  updateFlow,
} from '../../store/repositories/cii.repository';
import { randomUUID } from 'node:crypto';
import type {
  Database,
  NewCiiAssetRow,
  NewCiiDependencyRow,
  NewCiiFlowRow,
} from '../../store/schema';
import { audited, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/*
 * The CII exchange file (dengbao.cii.v1) in and out. An import merges by key (asset code,
 * core business name, flow name within its business; dependencies by from/to/kind), never
 * deletes, and is all-or-nothing: every problem is reported and nothing is written.
 */

/** Maps a file path (`assets[3].code`) to where the user sees it (e.g. an Excel sheet and row). */
export type Locate = (path: string) => string;

/** The organisation's CII model as an exchange file. */
export async function exportCiiFile(db: Kysely<Database>, within: OrgScope): Promise<CiiFile> {
  const { organisationId } = inScope(within);
  const [assets, dependencies, businesses, flows, systems] = await Promise.all([
    listAssets(db, organisationId),
    listDependencies(db, organisationId),
    listCoreBusinesses(db, organisationId),
    listFlows(db, organisationId),
    db
      .selectFrom('systems')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
  ]);
  const code = new Map(assets.map((a) => [a.id, a.code]));
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  return {
    format: 'dengbao.cii.v1',
    assets: assets.map((a) => ({
      code: a.code,
      name: a.name,
      kind: a.kind as CiiFile['assets'][number]['kind'],
      party: a.party,
      system: a.system_id ? (systemName.get(a.system_id) ?? null) : null,
      description: a.description,
    })),
    dependencies: dependencies.map((d) => ({
      from: code.get(d.from_asset_id)!,
      to: code.get(d.to_asset_id)!,
      kind: d.kind as CiiFile['dependencies'][number]['kind'],
      note: d.note,
    })),
    coreBusinesses: businesses.map((b) => ({
      name: b.name,
      sector: b.sector as CiiFile['coreBusinesses'][number]['sector'],
      designatingAuthority: b.designating_authority,
      designationNotice: b.designation_notice,
      designatedOn: b.designated_on,
      description: b.description,
      chainSteps: JSON.parse(b.chain_steps),
      infoCategories: JSON.parse(b.info_categories),
      boundaryFollow: b.boundary_follow ? JSON.parse(b.boundary_follow) : null,
      flows: flows
        .filter((f) => f.core_business_id === b.id)
        .map((f) => ({
          name: f.name,
          infoCategory: f.info_category,
          description: f.description,
          hops: (JSON.parse(f.hops) as { assetId: string; stage: string; note?: string }[]).map(
            (h) => ({
              asset: code.get(h.assetId)!,
              stage:
                h.stage as CiiFile['coreBusinesses'][number]['flows'][number]['hops'][number]['stage'],
              note: h.note ?? null,
            }),
          ),
        })),
    })),
  };
}

/** Every cross-reference problem of a file against itself and what is stored. */
async function checkFile(
  db: Kysely<Database>,
  organisationId: string,
  file: CiiFile,
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const stored = await listAssets(db, organisationId);
  const codes = new Set(stored.map((a) => a.code));
  const seen = new Map<string, number>();
  file.assets.forEach((a, i) => {
    const first = seen.get(a.code);
    if (first !== undefined)
      problems.push({
        path: `assets[${i}].code`,
        message: `code "${a.code}" is used twice in the file (also assets[${first}])`,
      });
    else seen.set(a.code, i);
    codes.add(a.code);
  });
  const systems = new Set(
    (
      await db
        .selectFrom('systems')
        .select('name')
        .where('organisation_id', '=', organisationId)
        .execute()
    ).map((s) => s.name),
  );
  file.assets.forEach((a, i) => {
    if (a.system && !systems.has(a.system))
      problems.push({
        path: `assets[${i}].system`,
        message: `no system named "${a.system}" in this organisation`,
      });
  });
  const known = (c: string, path: string) => {
    if (!codes.has(c))
      problems.push({ path, message: `unknown asset code "${c}" (not in the file or stored)` });
  };
  file.dependencies.forEach((d, i) => {
    known(d.from, `dependencies[${i}].from`);
    known(d.to, `dependencies[${i}].to`);
    if (d.from === d.to)
      problems.push({ path: `dependencies[${i}].to`, message: 'an asset cannot depend on itself' });
  });
  const businessNames = new Map<string, number>();
  file.coreBusinesses.forEach((b, bi) => {
    const first = businessNames.get(b.name);
    if (first !== undefined)
      problems.push({
        path: `coreBusinesses[${bi}].name`,
        message: `core business "${b.name}" is listed twice (also coreBusinesses[${first}])`,
      });
    else businessNames.set(b.name, bi);
    const categories = new Set(b.infoCategories.map((c) => c.name));
    const flowNames = new Set<string>();
    b.flows.forEach((f, fi) => {
      const at = `coreBusinesses[${bi}].flows[${fi}]`;
      if (flowNames.has(f.name))
        problems.push({ path: `${at}.name`, message: `flow "${f.name}" is listed twice` });
      flowNames.add(f.name);
      if (f.infoCategory && !categories.has(f.infoCategory))
        problems.push({
          path: `${at}.infoCategory`,
          message: `"${f.infoCategory}" is not one of the business's information categories (${[...categories].join(', ') || 'none'})`,
        });
      f.hops.forEach((h, hi) => known(h.asset, `${at}.hops[${hi}].asset`));
    });
  });
  return problems;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Imports a file all-or-nothing, audited as one change with the file's digest. */
export function importCiiFileCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  file: CiiFile,
  source: { name: string; sm3: string },
  locate: Locate = (p) => p,
): Promise<CiiImportResult> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const problems = await checkFile(trx, organisationId, file);
    if (problems.length)
      throw new ValidationError(
        `${problems.length} problem(s) in ${source.name}; nothing was imported`,
        problems.map((p) => ({ ...p, path: locate(p.path) })),
      );
    const result = {
      assets: { created: 0, updated: 0 },
      dependencies: { created: 0, unchanged: 0 },
      coreBusinesses: { created: 0, updated: 0 },
      flows: { created: 0, updated: 0 },
    };
    const systemId = new Map(
      (
        await trx
          .selectFrom('systems')
          .select(['id', 'name'])
          .where('organisation_id', '=', organisationId)
          .execute()
      ).map((s) => [s.name, s.id]),
    );
    const existing = new Map((await listAssets(trx, organisationId)).map((a) => [a.code, a]));
    const idOf = new Map([...existing].map(([c, a]) => [c, a.id]));
    // New rows go in by the hundred: the file was checked as a whole above.
    const newAssets: NewCiiAssetRow[] = [];
    for (const a of file.assets) {
      const input = {
        code: a.code,
        name: a.name,
        kind: a.kind,
        party: a.party ?? null,
        systemId: a.system ? systemId.get(a.system)! : null,
        description: a.description ?? null,
      };
      const row = existing.get(a.code);
      if (!row) {
        const id = randomUUID();
        idOf.set(a.code, id);
        newAssets.push({
          id,
          organisation_id: organisationId,
          code: input.code,
          name: input.name,
          kind: input.kind,
          party: input.party,
          system_id: input.systemId,
          description: input.description,
          version: 1,
          created_at: now,
          updated_at: now,
        });
        result.assets.created++;
      } else if (
        !same(
          [row.name, row.kind, row.party, row.system_id, row.description],
          [input.name, input.kind, input.party, input.systemId, input.description],
        )
      ) {
        await updateAsset(trx, organisationId, row.id, row.version, input, now);
        result.assets.updated++;
      }
    }
    await insertInChunks(trx, 'cii_assets', newAssets);
    const edges = new Set(
      (await listDependencies(trx, organisationId)).map(
        (d) => `${d.from_asset_id}|${d.to_asset_id}|${d.kind}`,
      ),
    );
    const newDependencies: NewCiiDependencyRow[] = [];
    for (const d of file.dependencies) {
      const from = idOf.get(d.from)!;
      const to = idOf.get(d.to)!;
      const key = `${from}|${to}|${d.kind}`;
      if (edges.has(key)) {
        result.dependencies.unchanged++;
        continue;
      }
      edges.add(key);
      newDependencies.push({
        id: randomUUID(),
        organisation_id: organisationId,
        from_asset_id: from,
        to_asset_id: to,
        kind: d.kind,
        note: d.note ?? null,
        created_at: now,
      });
      result.dependencies.created++;
    }
    await insertInChunks(trx, 'cii_dependencies', newDependencies);
    const businesses = new Map(
      (await listCoreBusinesses(trx, organisationId)).map((b) => [b.name, b]),
    );
    const newFlows: NewCiiFlowRow[] = [];
    for (const { flows, ...b } of file.coreBusinesses) {
      let row = businesses.get(b.name);
      if (!row) {
        row = await insertCoreBusiness(trx, organisationId, b, now);
        result.coreBusinesses.created++;
      } else {
        const fields = {
          sector: b.sector,
          designatingAuthority: b.designatingAuthority ?? null,
          designationNotice: b.designationNotice ?? null,
          designatedOn: b.designatedOn ?? null,
          description: b.description ?? null,
          chainSteps: b.chainSteps,
          infoCategories: b.infoCategories,
          boundaryFollow: b.boundaryFollow ?? null,
        };
        const current = [
          row.sector,
          row.designating_authority,
          row.designation_notice,
          row.designated_on,
          row.description,
          JSON.parse(row.chain_steps),
          JSON.parse(row.info_categories),
          row.boundary_follow ? JSON.parse(row.boundary_follow) : null,
        ];
        if (!same(current, Object.values(fields))) {
          row = await updateCoreBusiness(trx, organisationId, row.id, row.version, fields, now);
          result.coreBusinesses.updated++;
        }
      }
      const stored = new Map(
        (await listFlows(trx, organisationId, row.id)).map((f) => [f.name, f]),
      );
      for (const f of flows) {
        const input = {
          name: f.name,
          infoCategory: f.infoCategory ?? null,
          description: f.description ?? null,
          hops: f.hops.map((h) => ({
            assetId: idOf.get(h.asset)!,
            stage: h.stage,
            ...(h.note ? { note: h.note } : {}),
          })),
        };
        const flow = stored.get(f.name);
        if (!flow) {
          newFlows.push({
            id: randomUUID(),
            organisation_id: organisationId,
            core_business_id: row.id,
            name: input.name,
            info_category: input.infoCategory,
            description: input.description,
            hops: JSON.stringify(input.hops),
            version: 1,
            created_at: now,
            updated_at: now,
          });
          result.flows.created++;
        } else if (
          !same(
            [flow.info_category, flow.description, JSON.parse(flow.hops)],
            [input.infoCategory, input.description, input.hops],
          )
        ) {
          await updateFlow(trx, organisationId, row, flow.id, flow.version, input, now, true);
          result.flows.updated++;
        }
      }
    }
    await insertInChunks(trx, 'cii_flows', newFlows);
    await audit({
      organisationId,
      action: 'cii.import',
      entityType: 'organisation',
      entityId: organisationId,
      changes: {
        file: { before: null, after: `${source.name} (SM3 ${source.sm3})` },
        result: { before: null, after: JSON.stringify(result) },
      },
    });
    return result;
  });
}

/** The boundary of one core business of a file, by asset code. */
export interface FileBoundary {
  readonly coreBusiness: string;
  readonly rules: BoundaryRules;
  readonly inside: readonly {
    code: string;
    name: string;
    explanationZh: string;
    explanationEn: string;
  }[];
  readonly outside: readonly string[];
  readonly boundaryPoints: readonly { inside: string; external: string }[];
}

/**
 * The boundary of every core business of an exchange file (or the one named), without a
 * database: what `dengbao cii boundary <file>` prints.
 */
export function boundaryOfFile(file: CiiFile, only?: string): FileBoundary[] {
  const businesses = file.coreBusinesses.filter((b) => only === undefined || b.name === only);
  if (only !== undefined && businesses.length === 0)
    throw new ValidationError(`no core business "${only}" in the file`, [
      {
        path: 'coreBusinesses',
        message: `have: ${file.coreBusinesses.map((b) => b.name).join(', ') || 'none'}`,
      },
    ]);
  const names = new Map(file.assets.map((a) => [a.code, `${a.code} ${a.name}`]));
  const assetName = (code: string) => names.get(code) ?? code;
  return businesses.map((b) => {
    const rules: BoundaryRules = b.boundaryFollow
      ? {
          ...DEFAULT_BOUNDARY_RULES,
          id: `${DEFAULT_BOUNDARY_RULES.id}+custom`,
          follow: b.boundaryFollow,
        }
      : DEFAULT_BOUNDARY_RULES;
    const boundary = computeBoundary(
      {
        assets: file.assets.map((a) => ({
          id: a.code,
          name: a.name,
          external: a.kind === 'external_system',
        })),
        dependencies: file.dependencies.map((d) => ({ from: d.from, to: d.to, kind: d.kind })),
        flows: b.flows.map((f) => ({
          id: f.name,
          name: f.name,
          hops: f.hops.map((h) => ({ assetId: h.asset, stage: h.stage })),
        })),
      },
      rules,
    );
    return {
      coreBusiness: b.name,
      rules,
      inside: boundary.inside.map((i) => {
        const text = explainInclusion(i.reason, assetName, (id) => id);
        return {
          code: i.assetId,
          name: file.assets.find((a) => a.code === i.assetId)?.name ?? i.assetId,
          explanationZh: text.zh,
          explanationEn: text.en,
        };
      }),
      outside: boundary.outside,
      boundaryPoints: boundary.boundaryPoints.map((p) => ({
        inside: p.insideAssetId,
        external: p.externalAssetId,
      })),
    };
  });
}

/** The organisation's CII model as an exchange file (dengbao.cii.v1). */
export function ciiFileQuery(ctx: Pick<AppContext, 'store'>, within: OrgScope): Promise<CiiFile> {
  return exportCiiFile(ctx.store.db, inScope(within).organisationId);
}
