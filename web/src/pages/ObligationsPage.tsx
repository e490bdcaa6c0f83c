import { DownloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, DatePicker, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAllSystems, useObligations } from '../api/hooks';
import { useDataSecurityDuties } from '../api/data-security-hooks';
import { usePrivacyDuties } from '../api/privacy-hooks';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { MissingFactsCard } from '../components/obligations/MissingFactsCard';
import { ObligationTable } from '../components/obligations/ObligationTable';
import { DataSecurityDutiesCard } from '../components/obligations/DataSecurityDutiesCard';
import { PrivacyDutiesCard } from '../components/obligations/PrivacyDutiesCard';
import { compareDuties, dutyState } from '../components/privacy/duty-order';
import { ReportDownloads } from '../components/reports/ReportDownloads';
import { useCan, useCurrentOrganisation } from '../components/OrganisationScope';
import { DATE_FORMAT, todayInBeijing } from '../lib/dates';
import {
  compareObligations,
  STATE_COLOURS,
  STATE_GROUPS,
  stateGroup,
  type EffectiveState,
  type StateGroup,
} from '../lib/obligation-states';

type GroupFilter = StateGroup | 'all';

/** 义务日历: what is due, when and why, across the organisation, as of a chosen day. */
export function ObligationsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayInBeijing();
  const systemId = params.get('system') ?? undefined;
  const group = (params.get('state') as GroupFilter | null) ?? 'all';
  const obligations = useObligations(organisation.id, asOf, systemId);
  const systems = useAllSystems(organisation.id);
  // The register's duties are the organisation's, not a system's: shown (and fetched) only for
  // roles that read 个人信息保护, and only when no system is chosen.
  const canReadPrivacy = useCan('privacy.read');
  const showPrivacy = canReadPrivacy && !systemId;
  const duties = usePrivacyDuties(organisation.id, asOf, { enabled: showPrivacy });
  // Data-security duties likewise: the organisation's, for roles that read 数据安全.
  const showDataSecurity = useCan('datasec.read') && !systemId;
  const dataDuties = useDataSecurityDuties(organisation.id, asOf, { enabled: showDataSecurity });

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const items = [...(obligations.data?.items ?? [])].sort(compareObligations);
  const counts = new Map<StateGroup, number>();
  for (const item of items)
    counts.set(
      stateGroup(item.effectiveState),
      (counts.get(stateGroup(item.effectiveState)) ?? 0) + 1,
    );
  const shown =
    group === 'all' ? items : items.filter((item) => stateGroup(item.effectiveState) === group);

  const privacyItems = showPrivacy ? [...(duties.data?.duties ?? [])].sort(compareDuties) : [];
  const privacyCounts = new Map<StateGroup, number>();
  for (const duty of privacyItems) {
    const g = stateGroup(dutyState(duty));
    privacyCounts.set(g, (privacyCounts.get(g) ?? 0) + 1);
  }
  const privacyShown =
    group === 'all' ? privacyItems : privacyItems.filter((d) => stateGroup(dutyState(d)) === group);
  const dataItems = showDataSecurity ? [...(dataDuties.data?.duties ?? [])] : [];
  const dataCounts = new Map<StateGroup, number>();
  for (const duty of dataItems) {
    const g = stateGroup(duty.state as EffectiveState);
    dataCounts.set(g, (dataCounts.get(g) ?? 0) + 1);
  }
  const dataShown =
    group === 'all'
      ? dataItems
      : dataItems.filter((d) => stateGroup(d.state as EffectiveState) === group);
  /** A group's label counts every table and says how many are personal-information / data duties. */
  const groupLabel = (
    key: StateGroup | 'all',
    systemCount: number,
    privacyCount: number,
    dataCount: number,
  ) => {
    let label = t(`obligation.group.${key}`, { count: systemCount + privacyCount + dataCount });
    if (privacyCount > 0) label = t('obligation.privacy.included', { label, count: privacyCount });
    if (dataCount > 0) label = t('obligation.dataSecurityIncluded', { label, count: dataCount });
    return label;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.obligations')}
      </Typography.Title>
      <Card size="small">
        <Space wrap size="large">
          <Space>
            <Typography.Text>{t('obligation.asOf')}</Typography.Text>
            <DatePicker
              aria-label={t('obligation.asOf')}
              allowClear={false}
              format={DATE_FORMAT}
              value={dayjs(asOf)}
              onChange={(value) => update({ asOf: value ? value.format(DATE_FORMAT) : undefined })}
            />
          </Space>
          <Select
            allowClear
            placeholder={t('obligation.allSystems')}
            value={systemId}
            onChange={(id?: string) => update({ system: id })}
            options={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Space>
            <ReportDownloads
              reports={[
                {
                  label: 'report.calendar',
                  base: `/api/organisations/${organisation.id}/reports/calendar`,
                  query: `asOf=${asOf}`,
                },
              ]}
            />
            <Button
              icon={<DownloadOutlined />}
              href={`/api/organisations/${organisation.id}/obligations.xlsx?asOf=${asOf}`}
              download
              data-testid="download-obligations-xlsx"
            >
              {t('report.obligationsXlsx')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Segmented<GroupFilter>
        value={group}
        onChange={(value) => update({ state: value === 'all' ? undefined : value })}
        options={[
          {
            value: 'all',
            label: groupLabel('all', items.length, privacyItems.length, dataItems.length),
          },
          // Empty groups are left out to keep the bar short; the selected one stays so it can be cleared.
          ...STATE_GROUPS.filter(
            (g) =>
              (counts.get(g) ?? 0) + (privacyCounts.get(g) ?? 0) + (dataCounts.get(g) ?? 0) > 0 ||
              g === group,
          ).map((g) => ({
            value: g,
            label: (
              <Space size={6}>
                <Badge color={STATE_COLOURS[g] === 'default' ? '#bfbfbf' : STATE_COLOURS[g]} />
                {groupLabel(
                  g,
                  counts.get(g) ?? 0,
                  privacyCounts.get(g) ?? 0,
                  dataCounts.get(g) ?? 0,
                )}
              </Space>
            ),
          })),
        ]}
      />
      {obligations.isError && <ApiErrorAlert error={obligations.error} />}
      <ObligationTable
        orgId={organisation.id}
        items={shown}
        showSystem
        loading={obligations.isFetching}
      />
      {obligations.data && (
        <MissingFactsCard
          orgId={organisation.id}
          missingFacts={obligations.data.missingFacts}
          showSystem
        />
      )}
      {showPrivacy && (
        <PrivacyDutiesCard
          orgId={organisation.id}
          asOf={asOf}
          duties={privacyShown}
          filtered={group !== 'all'}
          loading={duties.isPending || duties.isFetching}
          error={duties.isError ? duties.error : null}
        />
      )}
      {showDataSecurity && (
        <DataSecurityDutiesCard
          orgId={organisation.id}
          asOf={asOf}
          duties={dataShown}
          filtered={group !== 'all'}
          loading={dataDuties.isPending || dataDuties.isFetching}
          error={dataDuties.isError ? dataDuties.error : null}
        />
      )}
      {canReadPrivacy && systemId && (
        <Typography.Text type="secondary" data-testid="calendar-privacy-hidden">
          {t('obligation.privacy.systemChosen')}
        </Typography.Text>
      )}
    </Space>
  );
}
