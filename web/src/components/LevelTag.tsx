import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProtectionLevel } from '../../../src/shared/mlps';

const LEVEL_COLOURS: Record<ProtectionLevel, string> = {
  1: 'cyan',
  2: 'blue',
  3: 'geekblue',
  4: 'purple',
  5: 'magenta',
};

/** 第三级 etc.; `full` adds the level's name (监督保护级). Ungraded shows a grey 未定级. */
export function LevelTag({
  level,
  full = false,
}: {
  level: ProtectionLevel | null | undefined;
  full?: boolean;
}) {
  const { t } = useTranslation();
  if (level === null || level === undefined) return <Tag>{t('level.ungraded')}</Tag>;
  return (
    <Tag color={LEVEL_COLOURS[level]} style={{ marginInlineEnd: 0 }}>
      {t(full ? `level.full.${level}` : `level.short.${level}`)}
    </Tag>
  );
}
