import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ObligationDto } from '../../../../src/shared/api-types';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import { useCiiDuties } from '../../api/cii-hooks';
import { formatTimestamp } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationPopover } from '../CitationPopover';
import { LevelTag } from '../LevelTag';
import { ObligationStateTag } from '../ObligationStateTag';
import type { CiiPanelProps } from './panel-props';

/**
 * 安全保护义务: the operator's CII duties for this core business, each with its reason, due date
 * and citation. The table is the obligations calendar's columns without its done/not-applicable
 * actions (those record against an MLPS system, not a core business).
 */
export function DutiesPanel({ orgId, business }: CiiPanelProps) {
  const { t, i18n } = useTranslation();
  const duties = useCiiDuties(orgId, business.id);
  if (duties.isError) return <ApiErrorAlert error={duties.error} />;
  const d = duties.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {d && !d.designated && (
        <Alert type="warning" showIcon title={t('cii.duties.notDesignated')} />
      )}
      {d && !d.determinedAt && (
        <Alert type="info" showIcon title={t('cii.duties.noDetermination')} />
      )}
      <Card
        size="small"
        title={t('cii.duties.title')}
        extra={
          d?.determinedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cii.duties.basis', { when: formatTimestamp(d.determinedAt), asOf: d.asOf })}
            </Typography.Text>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('cii.duties.hint')}</Typography.Text>
          <Table<ObligationDto>
            rowKey="key"
            size="small"
            loading={duties.isPending}
            dataSource={d?.obligations ?? []}
            pagination={false}
            tableLayout="fixed"
            locale={{ emptyText: t('cii.duties.empty') }}
            columns={[
              {
                title: t('obligation.column.state'),
                dataIndex: 'effectiveState',
                width: 120,
                render: (s: ObligationDto['effectiveState']) => <ObligationStateTag state={s} />,
              },
              {
                title: t('obligation.column.title'),
                key: 'title',
                width: 240,
                render: (_, o) => (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text>{pick(i18n.language, o.titleZh, o.titleEn)}</Typography.Text>
                    {o.provenance !== 'confirmed' && (
                      <Tag style={{ fontSize: 11 }} variant="filled">
                        {t(`provenance.${o.provenance}`)}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              {
                title: t('obligation.column.due'),
                key: 'due',
                width: 140,
                render: (_, o) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text
                      strong={o.effectiveState === 'overdue'}
                      type={o.effectiveState === 'overdue' ? 'danger' : undefined}
                    >
                      {o.dueDate ?? t('common.none')}
                    </Typography.Text>
                    {o.recurrenceMonths && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('obligation.recurrence', { count: o.recurrenceMonths })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('obligation.column.reason'),
                key: 'reason',
                render: (_, o) => (
                  <Typography.Text style={{ fontSize: 13 }}>
                    {pick(i18n.language, o.reasonZh, o.reasonEn)}
                  </Typography.Text>
                ),
              },
              {
                title: t('obligation.column.citations'),
                key: 'citations',
                width: 110,
                render: (_, o) => <CitationPopover citations={o.citations} />,
              },
            ]}
          />
          {d && d.missingFacts.length > 0 && (
            <Space wrap>
              <Typography.Text type="secondary">{t('missingFacts.missing')}</Typography.Text>
              {[...new Set(d.missingFacts.map((m) => m.fact))].map((fact) => (
                <Tag key={fact} color="orange">
                  {t(`fact.${fact}`, { defaultValue: fact })}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      </Card>
      {d && d.systems.length > 0 && (
        <Card size="small" title={t('cii.duties.systems')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {d.systems.map((s) => (
              <Space key={s.systemId} orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space>
                  <Link to={`/o/${orgId}/systems/${s.systemId}`}>{s.name}</Link>
                  <LevelTag level={s.level as ProtectionLevel | null} />
                </Space>
                {s.warnings.map((w) => (
                  <Alert
                    key={w.code}
                    type="error"
                    showIcon
                    title={pick(i18n.language, w.messageZh, w.messageEn)}
                    action={<CitationPopover citations={w.citations} />}
                  />
                ))}
              </Space>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
