import { Alert, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingWarningDto } from '../../../../src/shared/api-types';
import { pick } from '../../lib/language';
import { CitationList } from '../CitationPopover';

/** Floors the rules know of (platforms, CII, big data); advisory, they never change the level. */
export function GradingWarnings({ warnings }: { warnings: readonly GradingWarningDto[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {warnings.map((warning) => (
        <Alert
          key={warning.code}
          type="warning"
          showIcon
          title={
            <Space wrap>
              {pick(i18n.language, warning.messageZh, warning.messageEn)}
              <Tag>{t(`provenance.${warning.provenance}`)}</Tag>
            </Space>
          }
          description={<CitationList citations={warning.citations} />}
        />
      ))}
    </Space>
  );
}
