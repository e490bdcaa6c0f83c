import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemDetailDto } from '../../../../src/shared/api-types';
import { SystemTypeTags } from '../SystemTypeTags';

/** The key facts under the system's title (the ones the obligation rules read). */
export function SystemFacts({ detail }: { detail: SystemDetailDto }) {
  const { t } = useTranslation();
  const { system } = detail;
  const none = t('common.none');
  const yesNo = (value: boolean | null) =>
    value === null ? t('common.unknown') : value ? t('common.yes') : t('common.no');
  const latestFiling = [...detail.filings].sort((a, b) => b.filedOn.localeCompare(a.filedOn))[0];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'types',
          label: t('field.types'),
          children: <SystemTypeTags types={system.types} />,
        },
        { key: 'gradedOn', label: t('field.gradedOn'), children: system.gradedOn ?? none },
        { key: 'goLiveOn', label: t('field.goLiveOn'), children: system.goLiveOn ?? none },
        {
          key: 'certificateNumber',
          label: t('field.certificateNumber'),
          children: system.certificateNumber ?? latestFiling?.certificateNumber ?? none,
        },
        { key: 'filedOn', label: t('field.filedOn'), children: system.filedOn ?? none },
        { key: 'bureau', label: t('field.bureau'), children: latestFiling?.bureau ?? none },
        {
          key: 'isCii',
          label: t('field.isCii'),
          children:
            system.isCii && system.ciiDesignatedOn
              ? t('system.ciiSince', { date: system.ciiDesignatedOn })
              : yesNo(system.isCii),
        },
        {
          key: 'isNationalEgov',
          label: t('field.isNationalEgov'),
          children: yesNo(system.isNationalEgov),
        },
        {
          key: 'competentAuthority',
          label: t('field.hasCompetentAuthority'),
          children: system.hasCompetentAuthority
            ? system.competentAuthority || t('common.yes')
            : yesNo(system.hasCompetentAuthority),
        },
        {
          key: 'responsibleDepartment',
          label: t('field.responsibleDepartment'),
          children: system.responsibleDepartment ?? none,
        },
        ...(system.description
          ? [
              {
                key: 'description',
                label: t('field.description'),
                children: system.description,
                span: 'filled' as const,
              },
            ]
          : []),
      ]}
    />
  );
}
