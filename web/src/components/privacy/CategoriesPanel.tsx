import { Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PiCategoryDto } from '../../api/privacy-client';
import { usePiCategories } from '../../api/privacy-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationPopover } from '../CitationPopover';
import { useCategoryIndex } from './privacy-labels';

/** 敏感信息分类: the classifier's vocabulary, each category with its PIPL Art. 28 class and citation. */
export function CategoriesPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = usePiCategories();
  const index = useCategoryIndex();
  const [filter, setFilter] = useState<'all' | 'sensitive'>('all');
  const [search, setSearch] = useState('');
  const q = search.trim().toLowerCase();
  const rows = (query.data ?? []).filter(
    (c) =>
      (filter === 'all' || c.sensitive) &&
      (!q || `${c.code} ${c.nameZh} ${c.nameEn}`.toLowerCase().includes(q)),
  );

  return (
    <Card
      size="small"
      title={t('privacy.categories.title')}
      extra={
        <Space>
          <Segmented
            size="small"
            value={filter}
            onChange={(v) => setFilter(v as 'all' | 'sensitive')}
            options={[
              { value: 'all', label: t('privacy.categories.all') },
              { value: 'sensitive', label: t('privacy.categories.sensitiveOnly') },
            ]}
          />
          <Input.Search
            size="small"
            allowClear
            placeholder={t('privacy.categories.search')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 200 }}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('privacy.categories.hint')}</Typography.Paragraph>
      {query.isError && <ApiErrorAlert error={query.error} />}
      <Table<PiCategoryDto>
        rowKey="code"
        size="small"
        loading={query.isPending}
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100 } : false}
        columns={[
          {
            title: t('privacy.categories.name'),
            key: 'name',
            width: 220,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{pick(language, c.nameZh, c.nameEn)}</Typography.Text>
                <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                  {c.code}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('privacy.categories.group'),
            key: 'group',
            width: 140,
            render: (_, c) =>
              c.groupZh || c.groupEn
                ? pick(language, c.groupZh ?? '', c.groupEn ?? '')
                : c.group
                  ? t(`privacy.categoryGroup.${c.group}`, { defaultValue: c.group })
                  : t('common.none'),
          },
          {
            title: t('privacy.categories.piplClass'),
            key: 'class',
            width: 240,
            render: (_, c) =>
              c.sensitive ? (
                <Space size={4} wrap>
                  <Tag color="red">{t('privacy.sensitive.tag')}</Tag>
                  <Typography.Text>{index.piplClass(c)}</Typography.Text>
                </Space>
              ) : (
                <Space size={4} wrap>
                  <Tag>{t('privacy.categories.notSensitive')}</Tag>
                  {c.gbt35273Sensitive && (
                    <Tag color="orange">{t('privacy.categories.gbtOnly')}</Tag>
                  )}
                </Space>
              ),
          },
          {
            title: t('privacy.categories.note'),
            key: 'note',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                {c.examplesZh && language.startsWith('zh') && (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {t('privacy.categories.examples', { examples: c.examplesZh })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.noteZh || c.noteEn ? pick(language, c.noteZh ?? '', c.noteEn ?? '') : ''}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('obligation.column.citations'),
            key: 'citations',
            width: 100,
            render: (_, c) => <CitationPopover citations={c.citations} />,
          },
        ]}
      />
    </Card>
  );
}
