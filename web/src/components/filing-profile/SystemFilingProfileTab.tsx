import { Alert, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SystemDto } from '../../../../src/shared/api-types';
import { useFilingFormOptions, type SystemWithProfile } from '../../api/filing-profile-hooks';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { SystemFilingProfileForm } from './SystemFilingProfileForm';

/** 备案信息 tab of a grading object: its 表二 answers, and where the organisation's 表一 is. */
export function SystemFilingProfileTab({
  orgId,
  system,
  readOnly,
  onReload,
}: {
  orgId: string;
  system: SystemDto;
  readOnly: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const options = useFilingFormOptions();
  if (options.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <Typography.Text>
            {t('filingProfile.system.intro')}{' '}
            <Link to={`/o/${orgId}/settings/organisation`}>
              {t('filingProfile.system.toTable1')}
            </Link>
          </Typography.Text>
        }
      />
      {options.isError && <ApiErrorAlert error={options.error} style={{ marginBottom: 16 }} />}
      <SystemFilingProfileForm
        orgId={orgId}
        system={system as SystemWithProfile}
        options={options.data}
        readOnly={readOnly}
        onReload={onReload}
      />
    </>
  );
}
