/** Tags, markers and formats of GB/T 39204 capability evaluations; colours follow ux.md. */
import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationStatus } from '../../../../src/catalogs/knowledge-base.schema';
import type {
  CiiEvaluationStatus,
  CiiRectificationStatus,
} from '../../../../src/shared/cii-evaluation-schemas';

export const EVALUATION_STATUS_COLOURS: Record<CiiEvaluationStatus, string> = {
  draft: 'processing',
  completed: 'success',
};

export const RECTIFICATION_STATUS_COLOURS: Record<CiiRectificationStatus, string> = {
  open: 'default',
  in_progress: 'processing',
  done: 'success',
  accepted: 'purple',
};

/** Items still to be worked on (an overdue one is shown red). */
export const OPEN_RECTIFICATION: readonly CiiRectificationStatus[] = ['open', 'in_progress'];

const PROVENANCE_MARKS: Record<VerificationStatus, string> = {
  confirmed: '✓',
  derived: '≈',
  unverified: '?',
};

export function EvaluationStatusTag({ status }: { status: CiiEvaluationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={EVALUATION_STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`ciiCapability.status.${status}`)}
    </Tag>
  );
}

export function CiiRectificationStatusTag({ status }: { status: CiiRectificationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={RECTIFICATION_STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`ciiCapability.rectification.status.${status}`)}
    </Tag>
  );
}

/**
 * ✓ / ≈ / ? beside a clause id: how far its number is sourced. The tooltip says what the mark
 * means, that the standard's numbering is only partly sourced, and the catalog's note if given.
 */
export function ProvenanceMark({
  status,
  note,
}: {
  status: VerificationStatus;
  note?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Tooltip
      title={
        <div>
          <div>
            <strong>
              {PROVENANCE_MARKS[status]} {t(`ciiCapability.provenance.${status}`)}
            </strong>
            {t('common.labelSeparator')}
            {t(`ciiCapability.provenance.${status}Hint`)}
          </div>
          {note && <div style={{ marginTop: 4 }}>{note}</div>}
          <div style={{ marginTop: 4, opacity: 0.8 }}>
            {t('ciiCapability.provenance.numbering')}
          </div>
        </div>
      }
    >
      <span
        className={`cap-prov cap-prov-${status}`}
        aria-label={t(`ciiCapability.provenance.${status}`)}
        data-testid="provenance-mark"
      >
        {PROVENANCE_MARKS[status]}
      </span>
    </Tooltip>
  );
}

/** 0–1 → "86.7%"; null (nothing applicable assessed yet) → "—". */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A period "2026-03-01 ~ 2026-04-30", open ends as "…". */
export function periodText(a: { periodStart: string | null; periodEnd: string | null }): string {
  if (!a.periodStart && !a.periodEnd) return '—';
  return `${a.periodStart ?? '…'} ~ ${a.periodEnd ?? '…'}`;
}

/** A small grey line (hints under cards and tables). */
export function Hint({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={testId}>
      {children}
    </Typography.Text>
  );
}
