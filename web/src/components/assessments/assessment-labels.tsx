/** Tags and colours of the assessment vocabulary; colours follow ux.md (red/amber/green/grey). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  ItemResultCode,
  RectificationStatusCode,
  RiskLevelCode,
  ScoreResultDto,
} from '../../../../src/shared/api-types';

export const RESULT_COLOURS: Record<ItemResultCode, string> = {
  compliant: 'success',
  partial: 'warning',
  non_compliant: 'error',
  not_applicable: 'default',
};

/** The keys 1–4 of the workbook grid, in this order. */
export const RESULT_KEYS: readonly ItemResultCode[] = [
  'compliant',
  'partial',
  'non_compliant',
  'not_applicable',
];

export const RISK_COLOURS: Record<RiskLevelCode, string> = {
  high: 'red',
  medium: 'orange',
  low: 'blue',
};

export const STATUS_COLOURS: Record<RectificationStatusCode, string> = {
  open: 'default',
  in_progress: 'processing',
  fixed: 'warning',
  verified: 'success',
  risk_accepted: 'purple',
};

export const CONCLUSION_COLOURS: Record<ScoreResultDto['conclusion'], string> = {
  compliant: 'success',
  excellent: 'success',
  good: 'success',
  basically_compliant: 'warning',
  fair: 'warning',
  non_compliant: 'error',
  poor: 'error',
};

export function ResultTag({ result }: { result: ItemResultCode | null }) {
  const { t } = useTranslation();
  if (!result) return <Tag>{t('assessment.result.unanswered')}</Tag>;
  return (
    <Tag color={RESULT_COLOURS[result]} style={{ marginInlineEnd: 0 }}>
      {t(`assessment.result.${result}`)}
    </Tag>
  );
}

export function RiskTag({ risk }: { risk: RiskLevelCode | null }) {
  const { t } = useTranslation();
  if (!risk) return <Tag>{t('common.none')}</Tag>;
  return (
    <Tag color={RISK_COLOURS[risk]} style={{ marginInlineEnd: 0 }}>
      {t(`assessment.risk.${risk}`)}
    </Tag>
  );
}

export function RectificationStatusTag({ status }: { status: RectificationStatusCode }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`assessment.rectification.status.${status}`)}
    </Tag>
  );
}

export function ConclusionTag({
  conclusion,
  large = false,
}: {
  conclusion: ScoreResultDto['conclusion'];
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Tag
      color={CONCLUSION_COLOURS[conclusion]}
      style={large ? { fontSize: 16, lineHeight: '28px', paddingInline: 12 } : undefined}
    >
      {t(`assessment.conclusion.${conclusion}`)}
    </Tag>
  );
}

/** 符合率 86.5% (T2025) or 综合得分 86.5 (T2021). */
export function scoreValueText(
  t: (key: string, options?: Record<string, unknown>) => string,
  score: Pick<ScoreResultDto, 'policy' | 'value'>,
): string {
  return score.policy === 'T2025'
    ? t('assessment.score.rateValue', { value: score.value.toFixed(2) })
    : t('assessment.score.scoreValue', { value: score.value.toFixed(2) });
}
