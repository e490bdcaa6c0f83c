import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogGapDto } from '../../../../src/shared/api-types';
import { bilingual } from './catalog-model';

/**
 * The parts of the catalog that are not fully sourced for what is on screen (unverified,
 * incomplete or missing levels of an extension). Shown, never hidden: an assessor must know when
 * a baseline may lack items.
 */
export function CatalogGaps({ gaps }: { gaps: readonly CatalogGapDto[] }) {
  const { t, i18n } = useTranslation();
  const open = gaps.filter((gap) => gap.status !== 'sourced');
  if (open.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="catalog-gaps"
      title={t('catalog.gaps.title')}
      description={
        <ul className="catalog-gaps">
          {open.map((gap) => (
            <li key={`${gap.extension}-${gap.level}`}>
              {t('catalog.gaps.item', {
                extension: t(`catalog.extensionFull.${gap.extension}`),
                level: t(`level.short.${gap.level}`),
                status: t(`catalog.gaps.status.${gap.status}`),
              })}
              {gap.note !== null && <>：{bilingual(i18n.language, gap.note)}</>}
            </li>
          ))}
        </ul>
      }
    />
  );
}
