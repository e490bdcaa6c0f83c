/** The classifier's categories by code, and the 敏感 tag with its reason (PIPL Art. 28 class). */
import { Popover, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PiCategoryDto } from '../../api/privacy-client';
import { usePiCategories } from '../../api/privacy-hooks';
import { pick } from '../../lib/language';
import { CitationList } from '../CitationPopover';

export interface CategoryIndex {
  readonly list: readonly PiCategoryDto[];
  readonly byCode: ReadonlyMap<string, PiCategoryDto>;
  /** The category's name in the UI language (the code when the catalog does not know it). */
  readonly name: (code: string) => string;
  /** The Art. 28 class of a sensitive category in the UI language. */
  readonly piplClass: (c: PiCategoryDto) => string;
  readonly sensitiveOf: (codes: readonly string[]) => PiCategoryDto[];
  readonly loading: boolean;
}

export function useCategoryIndex(): CategoryIndex {
  const { t, i18n } = useTranslation();
  const query = usePiCategories();
  const language = i18n.language;
  return useMemo(() => {
    const list = query.data ?? [];
    const byCode = new Map(list.map((c) => [c.code, c]));
    const piplClass = (c: PiCategoryDto) =>
      c.piplClassZh || c.piplClassEn
        ? pick(language, c.piplClassZh ?? c.piplClassEn ?? '', c.piplClassEn ?? c.piplClassZh ?? '')
        : c.piplClass
          ? t(`privacy.piplClass.${c.piplClass}`, { defaultValue: c.piplClass })
          : '';
    return {
      list,
      byCode,
      name: (code: string) => {
        const c = byCode.get(code);
        return c ? pick(language, c.nameZh, c.nameEn) : code;
      },
      piplClass,
      sensitiveOf: (codes: readonly string[]) =>
        codes.map((code) => byCode.get(code)).filter((c): c is PiCategoryDto => !!c?.sensitive),
      loading: query.isPending,
    };
  }, [query.data, query.isPending, language, t]);
}

/** 敏感 with the reason one click away: which categories, which Art. 28 class, the citations. */
export function SensitiveTag({
  categories,
  index,
}: {
  categories: readonly PiCategoryDto[];
  index: CategoryIndex;
}) {
  const { t, i18n } = useTranslation();
  if (categories.length === 0) return null;
  const classes = [...new Set(categories.map((c) => index.piplClass(c)).filter(Boolean))];
  return (
    <Popover
      trigger="click"
      title={t('privacy.sensitive.why')}
      styles={{ root: { maxWidth: 460 } }}
      content={
        <Space orientation="vertical" size={6}>
          {categories.map((c) => (
            <div key={c.code}>
              <Typography.Text strong>{pick(i18n.language, c.nameZh, c.nameEn)}</Typography.Text>
              {index.piplClass(c) && (
                <Typography.Text type="secondary"> · {index.piplClass(c)}</Typography.Text>
              )}
              {c.citations.length > 0 && <CitationList citations={c.citations} />}
            </div>
          ))}
        </Space>
      }
    >
      <Space size={4} wrap style={{ cursor: 'pointer' }} data-testid="sensitive-reason">
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('privacy.sensitive.tag')}
        </Tag>
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('privacy.sensitive.reason', {
            classes: classes.join(t('common.listSeparator')),
          })}
        </Typography.Text>
      </Space>
    </Popover>
  );
}
