import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemSummaryDto } from '../../../src/shared/api-types';

/** 已备案 (with the certificate number on hover) / 未备案 / 无需备案 (level 1); nothing before grading. */
export function FilingStatusTag({
  system,
}: {
  system: Pick<SystemSummaryDto, 'level' | 'filedOn' | 'certificateNumber'>;
}) {
  const { t } = useTranslation();
  if (system.filedOn) {
    return (
      <Tooltip
        title={
          system.certificateNumber
            ? t('filing.certificateTooltip', { number: system.certificateNumber })
            : undefined
        }
      >
        <Tag color="green">{t('filing.status.filed', { date: system.filedOn })}</Tag>
      </Tooltip>
    );
  }
  if (system.level === null) return null; // the level tag already says 未定级
  if (system.level < 2) return <Tag>{t('filing.status.notRequired')}</Tag>;
  return <Tag color="gold">{t('filing.status.notFiled')}</Tag>;
}
