import { Card, DatePicker, Popover, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EffectiveState } from '../../lib/obligation-states';
import type { PenaltyDto, PrivacyDutyDto } from '../../api/privacy-client';
import { usePrivacyDuties } from '../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { pick } from '../../lib/language';
import { compareDuties } from './duty-order';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationList, CitationPopover } from '../CitationPopover';
import { ObligationStateTag } from '../ObligationStateTag';

export const dutyState = (d: PrivacyDutyDto) => (d.effectiveState ?? d.state) as EffectiveState;

/** A fine range in RMB, with 万 in Chinese (e.g. 100万元以下, 5万元—50万元). */
export function fineRange(p: PenaltyDto, language: string): string | null {
  if (p.fineZh || p.fineEn)
    return pick(language, p.fineZh ?? p.fineEn ?? '', p.fineEn ?? p.fineZh ?? '');
  const zh = language.startsWith('zh');
  const money = (n: number) =>
    zh
      ? n >= 10_000
        ? `${(n / 10_000).toLocaleString('zh-CN')}万元`
        : `${n.toLocaleString('zh-CN')}元`
      : `RMB ${n.toLocaleString('en')}`;
  const { minFine: min, maxFine: max } = p;
  if (min == null && max == null) return null;
  if (min == null) return zh ? `${money(max!)}以下` : `up to ${money(max!)}`;
  if (max == null) return zh ? `${money(min)}以上` : `${money(min)} or more`;
  return `${money(min)} — ${money(max)}`;
}

/** 处罚风险: the penalty article an open duty risks and its fine range. */
export function PenaltyExposure({ duty }: { duty: PrivacyDutyDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const penalties = duty.penalties ?? (duty.penaltyIds ?? []).map((id) => ({ id }) as PenaltyDto);
  if (penalties.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {penalties.map((p) => {
        const label =
          p.labelZh || p.labelEn || p.titleZh || p.titleEn
            ? pick(language, p.labelZh ?? p.titleZh ?? '', p.labelEn ?? p.titleEn ?? '')
            : t(`privacy.penalty.${p.id}`, { defaultValue: p.id });
        const fine = fineRange(p, language);
        const body = (
          <Space orientation="vertical" size={0}>
            <Typography.Text style={{ fontSize: 13 }}>{label}</Typography.Text>
            {fine && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('privacy.duties.fine', { range: fine })}
              </Typography.Text>
            )}
          </Space>
        );
        return p.citations && p.citations.length > 0 ? (
          <Popover
            key={p.id}
            trigger="click"
            title={t('citation.title')}
            content={<CitationList citations={p.citations} />}
          >
            <div style={{ cursor: 'pointer' }}>{body}</div>
          </Popover>
        ) : (
          <div key={p.id}>{body}</div>
        );
      })}
    </Space>
  );
}

/**
 * 义务: the duties of the register as of a date (PIPL, the cross-border Provisions, the NDS
 * Regulations, the face-recognition Measures), each with its due date, state, reason, citation
 * and the penalty an open duty risks.
 */
export function DutiesPanel({
  orgId,
  asOf,
  onAsOfChange,
}: {
  orgId: string;
  asOf: string;
  onAsOfChange: (date: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const duties = usePrivacyDuties(orgId, asOf);
  const rows = [...(duties.data?.duties ?? [])]
    .sort(compareDuties)
    .map((d, i) => ({ ...d, key: d.key ?? `${d.ruleId}|${d.subject.kind}|${d.subject.id}|${i}` }));

  return (
    <Card
      size="small"
      title={t('privacy.duties.title')}
      extra={
        <Space>
          <Typography.Text>{t('privacy.asOf')}</Typography.Text>
          <DatePicker
            aria-label={t('privacy.asOf')}
            allowClear={false}
            format={DATE_FORMAT}
            value={fromIsoDate(asOf)}
            onChange={(v) => {
              const iso = toIsoDate(v);
              if (iso) onAsOfChange(iso);
            }}
          />
        </Space>
      }
    >
      {duties.isError && <ApiErrorAlert error={duties.error} style={{ marginBottom: 12 }} />}
      <Table<PrivacyDutyDto>
        rowKey="key"
        size="small"
        loading={duties.isPending || duties.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        tableLayout="fixed"
        locale={{ emptyText: t('privacy.duties.empty') }}
        data-testid="privacy-duties"
        columns={[
          {
            title: t('obligation.column.state'),
            key: 'state',
            width: 110,
            render: (_, d) => <ObligationStateTag state={dutyState(d)} />,
          },
          {
            title: t('obligation.column.title'),
            key: 'title',
            width: 230,
            render: (_, d) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text>{pick(language, d.titleZh, d.titleEn)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`privacy.subjectKind.${d.subject.kind}`)} · {d.subject.name}
                </Typography.Text>
                {d.provenance !== 'confirmed' && (
                  <Tag style={{ fontSize: 11 }} variant="filled">
                    {t(`provenance.${d.provenance}`)}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('obligation.column.due'),
            key: 'due',
            width: 110,
            render: (_, d) => (
              <Typography.Text
                strong={dutyState(d) === 'overdue'}
                type={dutyState(d) === 'overdue' ? 'danger' : undefined}
              >
                {d.dueDate ?? t('common.none')}
              </Typography.Text>
            ),
          },
          {
            title: t('obligation.column.reason'),
            key: 'reason',
            render: (_, d) => (
              <Typography.Text style={{ fontSize: 13 }}>
                {pick(language, d.reasonZh, d.reasonEn)}
              </Typography.Text>
            ),
          },
          {
            title: t('obligation.column.citations'),
            key: 'citations',
            width: 100,
            render: (_, d) => <CitationPopover citations={d.citations} />,
          },
          {
            title: t('privacy.duties.penalty'),
            key: 'penalty',
            width: 200,
            render: (_, d) =>
              ['satisfied', 'done', 'not_applicable'].includes(dutyState(d)) ? (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ) : (
                <PenaltyExposure duty={d} />
              ),
          },
        ]}
      />
    </Card>
  );
}
