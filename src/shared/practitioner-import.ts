/**
 * Wire shapes of the practitioner-workbook import (`POST …/assessments/:id/import?layout=auto`):
 * the preview per sheet and what a commit wrote. Shared by the server, the CLI's --json and the
 * web wizard. Messages travel by vocabulary code (area `practitioner`) with their English text.
 */
import { z } from 'zod';
import type { TestObjectAttributes } from './assessment-vocabulary';
import type { MessageParams } from './api-types';

/** Query of the import route. `kinds`: JSON object sheet name → test-object kind. */
export const ImportQuerySchema = z.object({
  layout: z.enum(['dengbao', 'auto']).default('dengbao'),
  dryRun: z.enum(['true', 'false']).default('false'),
  skipUnmatched: z.enum(['true', 'false']).default('false'),
  kinds: z.string().max(20_000).optional(),
});

export interface PractitionerNoteDto {
  /** Excel row; null for the sheet as a whole. */
  readonly row: number | null;
  /** The column's header as found in the sheet. */
  readonly column: string | null;
  readonly code: string;
  readonly params: MessageParams;
  /** English text of `code`. */
  readonly message: string;
}

export interface PractitionerObjectDto {
  readonly existingId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly kindGuessed: boolean;
  readonly attributes: TestObjectAttributes;
  readonly controlPoints: readonly string[] | null;
}

export interface PractitionerSheetDto {
  readonly sheet: string;
  /** `items`: a test-object sheet; otherwise why it is left out (`summary`: 汇总, 目录 …). */
  readonly status: 'items' | 'no_header' | 'no_rows' | 'summary';
  readonly headerRow: number | null;
  /** Header text as found, by what the column holds. */
  readonly columns: Readonly<Record<string, string>>;
  readonly object: PractitionerObjectDto | null;
  /** Item rows read. */
  readonly rows: number;
  readonly matched: number;
  /** Matched rows with a result (the others are not assessed yet). */
  readonly results: number;
  readonly unmatched: readonly PractitionerNoteDto[];
  readonly warnings: readonly PractitionerNoteDto[];
  readonly problems: readonly PractitionerNoteDto[];
}

export interface PractitionerImportDto {
  readonly layout: 'auto';
  readonly dryRun: boolean;
  readonly level: number;
  readonly sheets: readonly PractitionerSheetDto[];
  readonly problems: readonly PractitionerNoteDto[];
  readonly totals: {
    readonly sheets: number;
    readonly rows: number;
    readonly matched: number;
    readonly results: number;
    readonly unmatched: number;
    readonly problems: number;
    readonly warnings: number;
    readonly objectsToCreate: number;
  };
  /** What the commit wrote (null for a dry run). */
  readonly written: {
    readonly objectsCreated: number;
    readonly created: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly unmatchedLeftOut: number;
  } | null;
}
