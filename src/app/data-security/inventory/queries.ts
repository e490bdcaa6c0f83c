/**
 * Reads of the data inventory: the resources with their classification, the classification
 * summary (counts per grade and per personal-information kind), and the rows of the filing's
 * 数据摸底调查表. A row graded with an older catalog version is re-graded as it is read and its
 * stored grade refreshed.
 */
import type { Kysely } from 'kysely';
import type { Classification } from '../../../domain/data-security/types';
import { classificationCounts } from '../../../domain/data-security/classify';
import type {
  ClassificationDto,
  DataGrade,
  DataResourceDto,
  DataResourceInput,
} from '../../../shared/data-security-schemas';
import type { DataCategory } from '../../../shared/filing-profile';
import {
  getResourceRow,
  listResourceRows,
  refreshResourceGrade,
  type DataResourceRow,
} from '../../../store/repositories/data-resources.repository';
import { organisationSystems } from '../../../store/repositories/privacy.repository';
import type { Database } from '../../../store/schema';
import type { FieldCipher } from '../../../security/field-crypto';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { inventoryCatalog } from './catalog';
import { classificationDto, classifyResource, decryptResource, presentResource } from './model';

export interface StoredResource {
  readonly row: DataResourceRow;
  readonly resource: DataResourceInput;
  readonly classification: Classification;
}

/** Every resource of the organisation, decrypted and classified (stale grades refreshed). */
export async function storedResources(
  ctx: { cipher: FieldCipher },
  db: Kysely<Database>,
  organisationId: string,
): Promise<StoredResource[]> {
  const rows = await listResourceRows(db, organisationId);
  const out: StoredResource[] = [];
  for (const row of rows) {
    const resource = decryptResource(ctx.cipher, row);
    const { classification, catalogVersion } = classifyResource(row.id, resource);
    if (row.catalog_version !== catalogVersion || row.grade !== classification.grade)
      await refreshResourceGrade(db, organisationId, row.id, classification.grade, catalogVersion);
    out.push({ row, resource, classification });
  }
  return out;
}

async function systemNames(db: Kysely<Database>, organisationId: string) {
  return new Map((await organisationSystems(db, organisationId)).map((s) => [s.id, s.name]));
}

export async function resourcesQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<DataResourceDto[]> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [stored, names] = await Promise.all([
    storedResources(ctx, db, organisationId),
    systemNames(db, organisationId),
  ]);
  return stored.map((s) =>
    presentResource(s.row, s.resource, s.classification, names, ctx.labelCitation),
  );
}

export async function resourceQuery(
  ctx: AppContext,
  within: OrgScope,
  resourceId: string,
): Promise<DataResourceDto> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const row = await getResourceRow(db, organisationId, resourceId);
  const resource = decryptResource(ctx.cipher, row);
  const { classification, catalogVersion } = classifyResource(row.id, resource);
  if (row.catalog_version !== catalogVersion || row.grade !== classification.grade)
    await refreshResourceGrade(db, organisationId, row.id, classification.grade, catalogVersion);
  return presentResource(
    row,
    resource,
    classification,
    await systemNames(db, organisationId),
    ctx.labelCitation,
  );
}

export interface InventoryClassificationDto {
  readonly catalogVersion: string;
  readonly counts: Record<DataGrade, number>;
  /** Important/core resources still to be declared to and confirmed by the authority. */
  readonly provisional: number;
  readonly personalInformation: { none: number; general: number; sensitive: number };
  readonly resources: readonly {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly classification: ClassificationDto;
  }[];
}

export async function classificationQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<InventoryClassificationDto> {
  const { organisationId } = inScope(within);
  const stored = await storedResources(ctx, ctx.store.db, organisationId);
  const counts = classificationCounts(stored.map((s) => s.classification));
  const catalogVersion = inventoryCatalog().version;
  return {
    catalogVersion,
    counts: counts.grades,
    provisional: counts.provisional,
    personalInformation: counts.personalInformation,
    resources: stored.map((s) => ({
      id: s.row.id,
      code: s.row.code,
      name: s.row.name,
      classification: classificationDto(s.classification, ctx.labelCitation),
    })),
  };
}

/** One row of the 数据摸底调查表 (the filing's data inventory), from a data resource. */
export interface FilingInventoryRow extends DataCategory {
  readonly resourceId: string;
  readonly code: string;
}

const formatBytes = (n: number) => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
};

/** The volume as the filing prints it: the owner's words, else records and size. */
export function volumeOf(r: DataResourceInput): string {
  if (r.volumeText) return r.volumeText;
  const parts: string[] = [];
  if (r.records != null) parts.push(`${r.records} 条`);
  if (r.bytes != null) parts.push(formatBytes(r.bytes));
  return parts.length > 0 ? parts.join('，') : '未统计';
}

/**
 * Rows of the 数据摸底调查表 built from stored resources: all, or for one system the resources it
 * holds and those on no system (as the filing form prints hand-entered categories).
 */
export function filingRows(
  stored: readonly StoredResource[],
  systemName: ReadonlyMap<string, string>,
  systemId?: string,
): FilingInventoryRow[] {
  return stored
    .filter(
      (s) =>
        systemId === undefined ||
        s.resource.systemIds.length === 0 ||
        s.resource.systemIds.includes(systemId),
    )
    .map(({ row, resource: r, classification }) => ({
      resourceId: row.id,
      code: r.code,
      name: r.name,
      volume: volumeOf(r),
      individuals: r.individuals > 0 ? r.individuals : null,
      importance: classification.grade,
      location: r.locations.length > 0 ? r.locations.join('；') : '未填写',
      crossBorder: r.crossBorder,
      crossBorderDestinations: r.crossBorderDestinations,
      systems: r.systemIds.map((id) => systemName.get(id) ?? id),
      note: classification.provisional ? '重要程度待申报确认' : null,
    }));
}

export async function filingInventoryQuery(
  ctx: Pick<AppContext, 'store' | 'cipher'>,
  within: OrgScope,
  systemId?: string,
): Promise<FilingInventoryRow[]> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [stored, names] = await Promise.all([
    storedResources(ctx, db, organisationId),
    systemNames(db, organisationId),
  ]);
  return filingRows(stored, names, systemId);
}
