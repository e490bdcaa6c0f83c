import type {
  AssessmentDto,
  CatalogCategory,
  WorkbookProgressDto,
  WorkbookRowDto,
} from '../../../../src/shared/api-types';

/** What every tab of the assessment page gets. */
export interface AssessmentPanelProps {
  orgId: string;
  assessment: AssessmentDto;
  /** The caller may write and the assessment is not completed. */
  editable: boolean;
}

const CATEGORY_ORDER: readonly CatalogCategory[] = [
  'PES',
  'CNS',
  'ABS',
  'CES',
  'SMC',
  'PSS',
  'ORS',
  'HRS',
  'CMS',
  'MMS',
];

/** Progress per category, recomputed from the (locally updated) rows. */
export function progressOf(rows: readonly WorkbookRowDto[]): WorkbookProgressDto[] {
  const by = new Map<CatalogCategory, WorkbookProgressDto>();
  for (const row of rows) {
    const p = by.get(row.category) ?? { category: row.category, rows: 0, answered: 0, reviewed: 0 };
    p.rows += 1;
    if (row.result) p.answered += 1;
    if (row.reviewedBy) p.reviewed += 1;
    by.set(row.category, p);
  }
  return CATEGORY_ORDER.flatMap((c) => {
    const p = by.get(c);
    return p ? [p] : [];
  });
}
