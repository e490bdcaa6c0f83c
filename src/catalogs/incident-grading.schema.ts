/**
 * Zod schema of the incident grading criteria (src/catalogs/incident-grading/criteria.yaml): the
 * criteria of the 2025 Measures' annex (网络安全事件分级指南) per grade, each either a threshold on
 * one measured effect (以上: inclusive) or qualitative, with its source (final 2025 annex or the
 * 2023 draft) and provenance; and the incident classes of GB/T 20986-2023. Cross-record checks
 * (ids unique, every class of the wire enum named once, a measure's thresholds rising with the
 * grade) live in incident-grading.ts.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { INCIDENT_GRADES, INCIDENT_TYPES } from '../shared/data-security-schemas';

const text = z.string().trim().min(1, 'must not be empty').max(600, 'is limited to 600 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');

/** The numeric measures of IncidentMeasuresSchema a criterion may read. */
export const GRADING_MEASURE_KEYS = [
  'ciiWholeOutageMinutes',
  'ciiMainFunctionOutageMinutes',
  'portalUnreachableMinutes',
  'peopleAffected',
  'populationShareAffectedPercent',
  'piLeakedIndividuals',
  'economicLossYuan',
] as const;

export const IncidentCriterionRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be an id such as la-pi-1m'),
  grade: z.enum(INCIDENT_GRADES),
  textZh: han,
  textEn: text,
  measure: z
    .strictObject({
      key: z.enum(GRADING_MEASURE_KEYS),
      atLeast: z.number().positive('must be more than 0'),
    })
    .nullable(),
  source: z.enum(['final-2025', 'draft-2023']),
  provenance: z.enum(['confirmed', 'derived', 'unverified']),
});
export type IncidentCriterionRecord = z.infer<typeof IncidentCriterionRecordSchema>;

export const IncidentTypeRecordSchema = z.strictObject({
  id: z.enum(INCIDENT_TYPES),
  nameZh: han,
  nameEn: text,
});
export type IncidentTypeRecord = z.infer<typeof IncidentTypeRecordSchema>;

export const IncidentGradingFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  criteria: z.array(IncidentCriterionRecordSchema).min(1).max(200),
  types: z.array(IncidentTypeRecordSchema).min(1).max(INCIDENT_TYPES.length),
  typesProvenance: z.enum(['confirmed', 'derived', 'unverified']),
});
export type IncidentGradingFile = z.infer<typeof IncidentGradingFileSchema>;
