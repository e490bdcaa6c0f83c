import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AppChecksPanel } from '../../components/data-security/app-checks/AppChecksPanel';
import { AuditsPanel } from '../../components/data-security/audits/AuditsPanel';
import { IncidentsPanel } from '../../components/data-security/incidents/IncidentsPanel';
import { ImportantDataPanel } from '../../components/data-security/duties/ImportantDataPanel';
import { ResourcesPanel } from '../../components/data-security/inventory/ResourcesPanel';
import { RiskPanel } from '../../components/data-security/risk/RiskPanel';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';
import { todayInBeijing } from '../../lib/dates';

const TABS = ['resources', 'important', 'risk', 'incidents', 'apps', 'audits'] as const;
type Tab = (typeof TABS)[number];

/**
 * 数据安全: the data inventory and its classification (数据资源), important-data duties
 * (重要数据), annual risk assessments (风险评估), incidents (安全事件), app checks (App 检查)
 * and personal-information compliance audits (合规审计), one tab each (the tab and the as-of
 * date live in the URL, so a view can be shared).
 */
export default function DataSecurityPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const canWrite = useCan('datasec.write');
  const canApprove = useCan('datasec.approve');
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'resources';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '')
    ? params.get('asOf')!
    : todayInBeijing();
  const set = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const orgId = organisation.id;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dataSecurity.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dataSecurity.subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        destroyOnHidden
        items={[
          {
            key: 'resources',
            label: t('dataSecurity.tab.resources'),
            children: <ResourcesPanel orgId={orgId} canWrite={canWrite} />,
          },
          {
            key: 'important',
            label: t('dataSecurity.tab.important'),
            children: (
              <ImportantDataPanel
                orgId={orgId}
                canWrite={canWrite}
                asOf={asOf}
                onAsOfChange={(date) => set({ asOf: date })}
              />
            ),
          },
          {
            key: 'risk',
            label: t('dataSecurity.tab.risk'),
            children: <RiskPanel orgId={orgId} canWrite={canWrite} canApprove={canApprove} />,
          },
          {
            key: 'incidents',
            label: t('dataSecurity.tab.incidents'),
            children: <IncidentsPanel orgId={orgId} />,
          },
          {
            key: 'apps',
            label: t('dataSecurity.tab.apps'),
            children: <AppChecksPanel orgId={orgId} />,
          },
          {
            key: 'audits',
            label: t('dataSecurity.tab.audits'),
            children: <AuditsPanel orgId={orgId} canWrite={canWrite} asOf={asOf} />,
          },
        ]}
      />
    </Space>
  );
}
