import { Alert, Popover, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppCatalogDto, AppCheckFlagView, AppCheckView } from '../../../api/app-checks-client';
import { usePenaltyCatalog } from '../../../api/privacy-hooks';
import { pick } from '../../../lib/language';
import { CitationPopover } from '../../CitationPopover';
import { fineText } from '../../privacy/penalty-text';

export const SEVERITY_COLOURS = { high: 'red', medium: 'orange', low: 'gold' } as const;

/** 处罚风险 of a flag: each penalty article with its fine range, from the catalog. */
function Penalties({ ids }: { ids: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const catalog = usePenaltyCatalog();
  if (ids.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {ids.map((id) => {
        const p = catalog.data?.find((e) => e.id === id);
        if (!p)
          return (
            <Typography.Text key={id} style={{ fontSize: 12 }}>
              {id}
            </Typography.Text>
          );
        const fine = fineText(p.organisation, i18n.language);
        return (
          <Popover
            key={id}
            trigger="click"
            title={pick(i18n.language, p.titleZh, p.titleEn)}
            styles={{ root: { maxWidth: 420 } }}
            content={
              <Typography.Text style={{ fontSize: 12 }}>
                {pick(i18n.language, p.triggerZh, p.triggerEn)}
              </Typography.Text>
            }
          >
            <Space orientation="vertical" size={0} style={{ cursor: 'pointer' }}>
              <Typography.Text style={{ fontSize: 12 }}>
                {pick(i18n.language, p.titleZh, p.titleEn)}
              </Typography.Text>
              {fine && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {fine}
                </Typography.Text>
              )}
            </Space>
          </Popover>
        );
      })}
    </Space>
  );
}

/** Flag counts by severity as tags (高 2 · 中 1 · 低 0). */
export function SeverityCounts({ check }: { check: AppCheckView }) {
  const { t } = useTranslation();
  if (check.summary.total === 0) return <Tag color="green">{t('appChecks.noFlags')}</Tag>;
  return (
    <Space size={4}>
      {(['high', 'medium', 'low'] as const)
        .filter((s) => check.summary[s] > 0)
        .map((s) => (
          <Tag key={s} color={SEVERITY_COLOURS[s]}>
            {t(`appChecks.severity.${s}`)} {check.summary[s]}
          </Tag>
        ))}
    </Space>
  );
}

/** The check's result: exposure, items beyond the necessary list, flags with their citations. */
export function AppCheckResult({
  check,
  catalog,
}: {
  check: AppCheckView;
  catalog?: AppCatalogDto;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const itemName = (id: string) => {
    const item = catalog?.items.find((i) => i.id === id);
    return item ? pick(language, item.nameZh, item.nameEn) : id;
  };
  const order = { high: 0, medium: 1, low: 2 } as const;
  const flags = [...check.flags].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="app-check-result"
    >
      {check.exposure && (
        <Alert
          type={check.summary.high > 0 ? 'error' : check.summary.total > 0 ? 'warning' : 'success'}
          showIcon
          title={pick(language, check.exposure.summaryZh, check.exposure.summaryEn)}
          description={
            <Space size={[4, 4]} wrap>
              {check.exposure.serviceSuspensionRisk && (
                <Tag color="red">{t('appChecks.exposure.suspension')}</Tag>
              )}
              {check.exposure.removalRisk && (
                <Tag color="red">{t('appChecks.exposure.removal')}</Tag>
              )}
            </Space>
          }
        />
      )}
      {check.overCollected.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="app-over-collected"
          title={t('appChecks.overCollected', { count: check.overCollected.length })}
          description={
            <Space size={[4, 4]} wrap>
              {check.overCollected.map((o) => (
                <Tag key={`${o.item}/${o.function}`} color="red">
                  {itemName(o.item)}
                  {t('common.labelSeparator')}
                  {o.function}
                  {o.requiredToUse ? ` · ${t('appChecks.requiredToUseShort')}` : ''}
                </Tag>
              ))}
            </Space>
          }
        />
      )}
      <Table<AppCheckFlagView>
        size="small"
        rowKey="id"
        dataSource={flags}
        pagination={false}
        locale={{ emptyText: t('appChecks.noFlags') }}
        columns={[
          {
            title: t('appChecks.flag.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (s: AppCheckFlagView['severity']) => (
              <Tag color={SEVERITY_COLOURS[s]}>{t(`appChecks.severity.${s}`)}</Tag>
            ),
          },
          {
            title: t('appChecks.flag.title'),
            key: 'title',
            render: (_, f) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{pick(language, f.titleZh, f.titleEn)}</Typography.Text>
                <Typography.Text style={{ fontSize: 13 }}>
                  {pick(language, f.detailZh, f.detailEn)}
                </Typography.Text>
                {f.subjects.length > 0 && (
                  <Space size={[4, 4]} wrap>
                    {f.subjects.map((s) => (
                      <Tag key={s}>{itemName(s)}</Tag>
                    ))}
                  </Space>
                )}
              </Space>
            ),
          },
          {
            title: t('appChecks.flag.citations'),
            key: 'citations',
            width: 110,
            render: (_, f) => <CitationPopover citations={f.citations} />,
          },
          {
            title: t('appChecks.flag.penalty'),
            key: 'penalty',
            width: 200,
            render: (_, f) => <Penalties ids={f.penaltyIds} />,
          },
        ]}
      />
    </Space>
  );
}
