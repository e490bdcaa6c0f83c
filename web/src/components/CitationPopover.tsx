import { BookOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CitationDto } from '../../../src/shared/api-types';
import { pick } from '../lib/language';

/** The legal basis of a rule result, one click away. */
export function CitationPopover({ citations }: { citations: readonly CitationDto[] }) {
  const { t } = useTranslation();
  if (citations.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Popover
      trigger="click"
      title={t('citation.title')}
      content={<CitationList citations={citations} />}
      styles={{ root: { maxWidth: 420 } }}
    >
      <Button type="link" size="small" icon={<BookOutlined />} style={{ paddingInline: 0 }}>
        {t('citation.count', { count: citations.length })}
      </Button>
    </Popover>
  );
}

export function CitationList({ citations }: { citations: readonly CitationDto[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {citations.map((c) => (
        <li key={`${c.instrumentId}/${c.provisionId ?? ''}`}>
          {pick(i18n.language, c.labelZh, c.labelEn)}
          {(c.referenceZh || c.referenceEn) && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {pick(
                i18n.language,
                c.referenceZh ?? c.referenceEn ?? '',
                c.referenceEn ?? c.referenceZh ?? '',
              )}
            </Typography.Text>
          )}
          {c.url && (
            <Typography.Link
              href={c.url}
              target="_blank"
              rel="noopener noreferrer"
              style={{ fontSize: 12 }}
            >
              {t('citation.officialText')}
            </Typography.Link>
          )}
        </li>
      ))}
    </ul>
  );
}
