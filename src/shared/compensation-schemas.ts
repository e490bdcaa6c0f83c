/**
 * Wire schemas and DTOs of the overall assessment (整体测评: compensation records) and of the
 * previous assessment's findings (上次测评问题整改情况). Shared by the server, the CLI and the
 * web UI.
 */
import { z } from 'zod';
import { ADJUSTED_RESULTS, COMPENSATION_SCOPES } from '../domain/mlps/assessment/compensation';
import { RequirementIdSchema } from './assessment-schemas';
import type {
  BilingualDto,
  ItemResultCode,
  RectificationStatusCode,
  RiskLevelCode,
} from './api-types';
import { MAX_INT } from './schemas';

const reason = z
  .string()
  .trim()
  .min(1, 'reason must not be empty')
  .max(2000, 'reason is limited to 2000 characters');
const objectId = z.string().uuid('must be a test object id').nullable();

export const CompensationInputSchema = z
  .object({
    /** The failing (compensated) item. */
    requirementId: RequirementIdSchema,
    /** The object whose result is adjusted; null = every failing object of the item. */
    objectId,
    scope: z.enum(COMPENSATION_SCOPES),
    compensatingRequirementId: RequirementIdSchema,
    /** Where the compensating item is 符合; null = on every object answering it. */
    compensatingObjectId: objectId,
    adjustedResult: z.enum(ADJUSTED_RESULTS),
    reason,
  })
  .strict();
export type CompensationInput = z.infer<typeof CompensationInputSchema>;

export const CompensationPatchSchema = CompensationInputSchema.partial()
  .extend({ version: z.number().int().positive().max(MAX_INT) })
  .strict();
export type CompensationPatch = z.infer<typeof CompensationPatchSchema>;

/** One compensation as the API shows it, with what it adjusts now. */
export interface CompensationDto {
  id: string;
  requirementId: string;
  clause: string;
  title: BilingualDto;
  category: string;
  objectId: string | null;
  /** null = every failing object of the item. */
  objectName: string | null;
  scope: (typeof COMPENSATION_SCOPES)[number];
  compensatingRequirementId: string;
  compensatingClause: string;
  compensatingTitle: BilingualDto;
  compensatingObjectId: string | null;
  compensatingObjectName: string | null;
  adjustedResult: (typeof ADJUSTED_RESULTS)[number];
  reason: string;
  recordedBy: string;
  /** False when the results changed so that it adjusts nothing now; `problems` say why. */
  active: boolean;
  problems: { path: string; code: string; message: BilingualDto }[];
  /** Results it raises now: before (as recorded) and after. */
  adjustments: {
    objectId: string;
    objectName: string;
    original: ItemResultCode;
    adjusted: ItemResultCode;
  }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CompensationsDto {
  items: CompensationDto[];
  total: number;
  /** The items whose outcome compensation changed: outcome before and after. */
  outcomes: { requirementId: string; clause: string; before: string; after: string }[];
}

/** 上次测评问题整改情况: the previous assessment's findings and what became of them. */
export interface PreviousFindingsDto {
  previous: {
    id: string;
    title: string;
    reportDate: string | null;
    reportNumber: string | null;
  } | null;
  items: {
    requirementId: string;
    clause: string;
    category: string;
    title: BilingualDto;
    /** Last time's result and risk. */
    result: 'partial' | 'non_compliant';
    risk: RiskLevelCode;
    objects: string[];
    description: string | null;
    rectification: {
      id: string;
      status: RectificationStatusCode;
      retestResult: ItemResultCode | null;
      closedOn: string | null;
    } | null;
    /** The item's outcome in this assessment (null when it is not in this baseline). */
    currentResult: ItemResultCode | 'unanswered' | 'untested' | null;
  }[];
  total: number;
}
