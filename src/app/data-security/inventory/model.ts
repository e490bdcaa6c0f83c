/**
 * Data resources (数据资源目录) as the API shows them, and their SM4 column: each resource's
 * content is JSON encrypted with the field cipher, bound to its row (table, column and id,
 * src/store/reencrypt.ts), like the privacy register's activities. Code, name, grade and the
 * catalog version the grade was computed with are kept in clear.
 */
import type { CitationLabeller } from '../../presenters';
import type { FieldCipher } from '../../../security/field-crypto';
import type { Classification, DataResourceFacts } from '../../../domain/data-security/types';
import {
  DataResourceInputSchema,
  type ClassificationDto,
  type DataResourceDto,
  type DataResourceInput,
} from '../../../shared/data-security-schemas';
import type { DataResourceRow } from '../../../store/repositories/data-resources.repository';
import { inventoryClassifier } from './catalog';

export type { DataResourceRow };

/** What `data_enc` holds: the input without code and name. */
export type ResourceContent = Omit<DataResourceInput, 'code' | 'name'>;

const binding = (id: string) => ({ table: 'data_resources', column: 'data_enc', rowId: id });

/** An input with every default filled in (what a read gives back). */
export function normaliseResource(input: DataResourceInput): DataResourceInput {
  return DataResourceInputSchema.parse(input);
}

export function splitResource(input: DataResourceInput): {
  code: string;
  name: string;
  content: ResourceContent;
} {
  const { code, name, ...content } = input;
  return { code, name, content };
}

export function encryptResource(cipher: FieldCipher, id: string, content: ResourceContent): string {
  return cipher.encrypt(JSON.stringify(content), binding(id));
}

export function decryptResource(cipher: FieldCipher, row: DataResourceRow): DataResourceInput {
  const content = JSON.parse(cipher.decrypt(row.data_enc, binding(row.id))) as ResourceContent;
  return { code: row.code, name: row.name, ...content };
}

/** What the classification rules read of a resource. */
export function resourceFacts(id: string, r: DataResourceInput): DataResourceFacts {
  return {
    id,
    code: r.code,
    name: r.name,
    description: r.description ?? null,
    sector: r.sector ?? null,
    individuals: r.individuals,
    piCategories: r.piCategories,
    catalogueEntry: r.catalogueEntry ?? null,
    impacts: r.impacts,
    declaredGrade: r.declaredGrade ?? null,
    declaredOn: r.declaredOn ?? null,
    crossBorder: r.crossBorder,
  };
}

export function classificationDto(c: Classification, label: CitationLabeller): ClassificationDto {
  const e = c.catalogueEntry;
  return {
    grade: c.grade,
    decidedBy: c.decidedBy,
    catalogueEntry: e
      ? {
          id: e.id,
          catalogueId: e.catalogueId,
          nameZh: e.nameZh,
          nameEn: e.nameEn,
          sectorLevel: e.sectorLevel,
        }
      : null,
    personalInformation: c.personalInformation,
    reasonsZh: c.reasonsZh,
    reasonsEn: c.reasonsEn,
    citations: c.citations.map(label),
    provisional: c.provisional,
  };
}

/** Classifies a resource with the shipped catalog; also returns the catalog version used. */
export function classifyResource(
  id: string,
  r: DataResourceInput,
): { classification: Classification; catalogVersion: string } {
  const { catalog, classify } = inventoryClassifier();
  return { classification: classify(resourceFacts(id, r)), catalogVersion: catalog.version };
}

export function presentResource(
  row: DataResourceRow,
  r: DataResourceInput,
  classification: Classification,
  systemName: ReadonlyMap<string, string>,
  label: CitationLabeller,
): DataResourceDto {
  return {
    id: row.id,
    ...r,
    version: row.version,
    classification: classificationDto(classification, label),
    systems: r.systemIds.map((id) => ({ id, name: systemName.get(id) ?? id })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * What the audit log keeps of a resource: code, name, grade and the codes and counts the
 * inventory is about — never descriptions, notes, owners, locations or recipients.
 */
export function resourceForAudit(
  r: DataResourceInput | null,
  grade: string | null,
): Record<string, unknown> | null {
  if (!r) return null;
  return {
    code: r.code,
    name: r.name,
    grade,
    sector: r.sector ?? null,
    individuals: r.individuals,
    records: r.records ?? null,
    piCategories: r.piCategories.join(','),
    catalogueEntry: r.catalogueEntry ?? null,
    impacts: r.impacts.map((i) => `${i.object}:${i.degree}`).join(','),
    declaredGrade: r.declaredGrade ?? null,
    declaredOn: r.declaredOn ?? null,
    crossBorder: r.crossBorder,
    crossBorderDestinations: r.crossBorderDestinations.join(','),
    systems: r.systemIds.length,
    privacyActivityCodes: r.privacyActivityCodes.join(','),
  };
}
