import { Alert, Card, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationDto } from '../../../../src/shared/api-types';
import type { ActivityView, TransferPathDto } from '../../api/privacy-client';
import { useActivities, useCrossBorderPaths } from '../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationPopover } from '../CitationPopover';
import { countryLabel } from './countries';
import { CountryPathChart, PATH_COLOURS } from './CountryPathChart';

interface PathRow {
  key: string;
  country: string;
  path: string;
  transfer?: TransferPathDto & {
    activityLabel: string;
    recipient: string;
  };
  children?: PathRow[];
}

/** The transfer's activity, recipient and country: from the answer, else from the register. */
function describe(p: TransferPathDto, activities: readonly ActivityView[]) {
  const [first, key] = p.transferId.split('/');
  const activity =
    activities.find((a) => a.id === p.activityId) ??
    activities.find((a) => a.id === first || a.code === first) ??
    activities.find((a) => a.transfers.some((t) => t.key === (p.transferKey ?? key)));
  const transfer = activity?.transfers.find((t) => t.key === (p.transferKey ?? key));
  const recipient = activity?.recipients.find((r) => r.key === transfer?.recipientKey);
  return {
    activityLabel: p.activityName
      ? `${p.activityCode ? `${p.activityCode} ` : ''}${p.activityName}`
      : activity
        ? `${activity.code} ${activity.name}`
        : p.transferId,
    recipient: p.recipientName ?? recipient?.name ?? '',
    country: p.country ?? recipient?.country ?? '??',
  };
}

/** The deciding article in words (the first of decidedBy), e.g. 《促进和规范数据跨境流动规定》第八条. */
export function DecidingArticle({ citations }: { citations: readonly CitationDto[] }) {
  const { i18n } = useTranslation();
  const first = citations[0];
  if (!first) return null;
  return (
    <Space size={4} wrap>
      <Typography.Text style={{ fontSize: 13 }}>
        {pick(i18n.language, first.labelZh, first.labelEn)}
      </Typography.Text>
      <CitationPopover citations={citations} />
    </Space>
  );
}

/**
 * 出境: the path each outbound transfer needs on a date, grouped by country and path, with the
 * deciding article and the explanation; the as-of date shows the regime then in force (the 2022
 * thresholds before 2024-03-22, the 2024 Provisions after).
 */
export function CrossBorderPanel({
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
  const paths = useCrossBorderPaths(orgId, asOf);
  const activities = useActivities(orgId);
  const d = paths.data;

  const rows = useMemo(() => {
    const groups = new Map<string, PathRow>();
    for (const p of d?.paths ?? []) {
      const info = describe(p, activities.data ?? []);
      const key = `${info.country}|${p.path}`;
      const group = groups.get(key) ?? { key, country: info.country, path: p.path, children: [] };
      group.children!.push({
        key: p.transferId,
        country: info.country,
        path: p.path,
        transfer: { ...p, activityLabel: info.activityLabel, recipient: info.recipient },
      });
      groups.set(key, group);
    }
    return [...groups.values()].sort(
      (a, b) => a.country.localeCompare(b.country) || a.path.localeCompare(b.path),
    );
  }, [d, activities.data]);

  const chart = useMemo(() => {
    const countries = [...new Set(rows.map((r) => r.country))];
    const pathCodes = [...new Set(rows.map((r) => r.path))];
    return {
      countries: countries.map((c) => countryLabel(c, language)),
      series: pathCodes.map((path) => ({
        path,
        name: t(`privacy.path.${path}`),
        counts: countries.map(
          (c) => rows.find((r) => r.country === c && r.path === path)?.children?.length ?? 0,
        ),
      })),
    };
  }, [rows, language, t]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('privacy.paths.title')}
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
        {paths.isError && <ApiErrorAlert error={paths.error} />}
        {d && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type={d.regime.id === 'cac-2024' ? 'info' : 'warning'}
              showIcon
              data-testid="privacy-regime"
              title={t('privacy.paths.regime', {
                title: pick(language, d.regime.titleZh, d.regime.titleEn),
              })}
              description={
                <Space wrap>
                  <span>
                    {t('privacy.paths.regimeRange', {
                      from: d.regime.inForceFrom,
                      to: d.regime.inForceTo ?? t('privacy.paths.now'),
                    })}
                  </span>
                  <CitationPopover citations={d.regime.citations} />
                </Space>
              }
            />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                {
                  key: 'range',
                  label: t('privacy.paths.countedRange'),
                  children: `${d.counts.countedFrom} — ${d.counts.countedTo}`,
                },
                {
                  key: 'individuals',
                  label: t('privacy.paths.individuals'),
                  children: t('privacy.people', {
                    count: d.counts.individuals,
                    n: d.counts.individuals.toLocaleString(),
                  }),
                },
                {
                  key: 'sensitive',
                  label: t('privacy.paths.sensitiveIndividuals'),
                  children: t('privacy.people', {
                    count: d.counts.sensitiveIndividuals,
                    n: d.counts.sensitiveIndividuals.toLocaleString(),
                  }),
                },
                {
                  key: 'exempt',
                  label: t('privacy.paths.exemptBatches'),
                  children: t('privacy.batches', { count: d.counts.exemptBatches }),
                },
              ]}
            />
            {rows.length > 0 && (
              <CountryPathChart
                countries={chart.countries}
                series={chart.series}
                label={t('privacy.paths.chart')}
              />
            )}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('privacy.paths.byCountry')}>
        <Table<PathRow>
          rowKey="key"
          size="small"
          loading={paths.isPending || paths.isFetching}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          key={rows.map((r) => r.key).join(',')}
          locale={{ emptyText: t('privacy.paths.empty') }}
          data-testid="privacy-paths"
          columns={[
            {
              title: t('privacy.paths.countryPath'),
              key: 'group',
              width: 280,
              render: (_, r) =>
                r.children ? (
                  <Space wrap>
                    <Typography.Text strong>{countryLabel(r.country, language)}</Typography.Text>
                    <Tag color={PATH_COLOURS[r.path]}>{t(`privacy.path.${r.path}`)}</Tag>
                    <Typography.Text type="secondary">
                      {t('privacy.paths.transfers', { count: r.children.length })}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{r.transfer?.activityLabel}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.transfer?.recipient}
                    </Typography.Text>
                  </Space>
                ),
            },
            {
              title: t('privacy.paths.path'),
              key: 'path',
              width: 200,
              render: (_, r) =>
                r.transfer && (
                  <Space orientation="vertical" size={2}>
                    <Tag color={PATH_COLOURS[r.path]}>{t(`privacy.path.${r.path}`)}</Tag>
                    {r.transfer.exemption && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`privacy.exemption.${r.transfer.exemption}`)}
                      </Typography.Text>
                    )}
                    {r.path !== 'exempt' && (
                      <Tag color={r.transfer.mechanismSatisfies ? 'green' : 'red'}>
                        {r.transfer.mechanismSatisfies
                          ? t('privacy.paths.mechanismOk')
                          : t('privacy.paths.mechanismMissing')}
                      </Tag>
                    )}
                  </Space>
                ),
            },
            {
              title: t('privacy.paths.decidedBy'),
              key: 'decidedBy',
              width: 260,
              render: (_, r) => r.transfer && <DecidingArticle citations={r.transfer.decidedBy} />,
            },
            {
              title: t('privacy.paths.explanation'),
              key: 'explanation',
              render: (_, r) =>
                r.transfer && (
                  <Typography.Text style={{ fontSize: 13 }}>
                    {pick(language, r.transfer.explanationZh, r.transfer.explanationEn)}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
