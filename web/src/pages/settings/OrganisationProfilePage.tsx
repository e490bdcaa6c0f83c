import { Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFilingFormOptions, useOrganisation } from '../../api/filing-profile-hooks';
import { useAllSystems } from '../../api/hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { OrganisationFilingProfileForm } from '../../components/filing-profile/OrganisationFilingProfileForm';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';

/**
 * 单位信息: what the filing form (备案表) asks about the organisation, entered once for every
 * object's filing — 表一 单位基本情况, the 数据摸底调查表 and the 保护工作方案.
 */
export function OrganisationProfilePage() {
  const { t } = useTranslation();
  const current = useCurrentOrganisation();
  const canUpdate = useCan('org.update');
  const canReadSystems = useCan('systems.read');
  const organisation = useOrganisation(current.id);
  const options = useFilingFormOptions();
  const systems = useAllSystems(current.id, { enabled: canReadSystems });

  if (organisation.isPending || options.isPending)
    return <Spin style={{ display: 'block', margin: 48 }} />;
  if (organisation.isError) return <ApiErrorAlert error={organisation.error} />;
  const items = systems.data?.items ?? [];
  // Unknown (null) for a role that may not read the systems, or while they load.
  const planNeeded = systems.data ? items.some((s) => (s.level ?? 0) >= 3) : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('filingProfile.org.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('filingProfile.org.subtitle')}</Typography.Text>
      </div>
      {options.isError && <ApiErrorAlert error={options.error} />}
      <OrganisationFilingProfileForm
        organisation={organisation.data}
        options={options.data}
        systemNames={items.map((s) => s.name)}
        planNeeded={planNeeded}
        readOnly={!canUpdate}
        onReload={() => organisation.refetch()}
      />
    </Space>
  );
}
