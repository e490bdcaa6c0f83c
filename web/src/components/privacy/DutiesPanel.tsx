import { Card, DatePicker, Popover, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EffectiveState } from '../../lib/obligation-states';
import type { PrivacyDutyDto } from '../../api/privacy-client';
import { fineText } from './penalty-text';
import { usePenaltyCatalog, usePrivacyDuties } from '../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { pick } from '../../lib/language';
import { compareDuties } from './duty-order';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationPopover } from '../CitationPopover';
import { ObligationStateTag } from '../ObligationStateTag';

export const dutyState = (d: PrivacyDutyDto) => (d.effectiveState ?? d.state) as EffectiveState;

/** 处罚风险: the penalty article an open duty risks and its fine range, from the catalog. */
export function PenaltyExposure({ duty }: { duty: PrivacyDutyDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const catalog = usePenaltyCatalog();
  const ids = duty.penaltyIds ?? duty.penalties?.map((p) => p.id) ?? [];
  if (ids.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4}>
      {ids.map((id) => {
        const p = catalog.data?.find((e) => e.id === id);
        if (!p)
          return (
            <Typography.Text key={id} style={{ fontSize: 12 }}>
              {id}
            </Typography.Text>
          );
        const first = fineText(p.organisation, language);
        const escalated = p.escalated ? fineText(p.escalated.organisation, language) : null;
        return (
          <Popover
            key={id}
            trigger="click"
            title={pick(language, p.titleZh, p.titleEn)}
            styles={{ root: { maxWidth: 420 } }}
            content={
              <Space orientation="vertical" size={4}>
                <Typography.Text style={{ fontSize: 12 }}>
                  {pick(language, p.triggerZh, p.triggerEn)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('privacy.duties.authority', {
                    authority: pick(language, p.authorityZh, p.authorityEn),
                  })}
                </Typography.Text>
              </Space>
            }
          >
            <Space orientation="vertical" size={0} style={{ cursor: 'pointer' }}>
              <Typography.Text style={{ fontSize: 12 }}>
                {pick(language, p.titleZh, p.titleEn)}
              </Typography.Text>
              {first && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {first}
                </Typography.Text>
              )}
              {p.escalated && escalated && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {pick(language, p.escalated.conditionZh, p.escalated.conditionEn)}
                  {t('common.labelSeparator')}
                  {escalated}
                </Typography.Text>
              )}
            </Space>
          </Popover>
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
            width: 230,
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
