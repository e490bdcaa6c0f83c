import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemType } from '../../../src/shared/mlps';

export function SystemTypeTags({ types }: { types: readonly SystemType[] }) {
  const { t } = useTranslation();
  return (
    <>
      {types.map((type) => (
        <Tag key={type} variant="outlined">
          {t(`systemType.${type}`)}
        </Tag>
      ))}
    </>
  );
}
