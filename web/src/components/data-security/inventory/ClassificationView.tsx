import { Descriptions, Popover, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CitationDto } from '../../../../../src/shared/api-types';
import type { ResourceView } from '../../../api/data-security-client';
import { asCitation } from '../../../api/privacy-client';
import { pick } from '../../../lib/language';
import { CitationList, CitationPopover } from '../../CitationPopover';
import { GradeTag, PiTag, useEntryIndex } from './labels';

/**
 * A national standard's clause as people write it (GB/T 39725-2020 6.1, GB/T 43697-2024 附录G)
 * where the catalog gives only knowledge-base ids.
 */
function standardCitation(c: CitationDto): CitationDto {
  const m = /^(gb|gbt|gbz)-(\d+(?:\.\d+)?)-(\d{4})$/i.exec(c.instrumentId);
  if (!m || c.labelZh !== [c.instrumentId, c.provisionId].filter(Boolean).join(' · ')) return c;
  const prefix = { gb: 'GB', gbt: 'GB/T', gbz: 'GB/Z' }[
    m[1]!.toLowerCase() as 'gb' | 'gbt' | 'gbz'
  ];
  const number = `${prefix} ${m[2]}-${m[3]}`;
  const annex = /^annex-([a-z])$/i.exec(c.provisionId ?? '');
  const clauseZh = annex ? `附录${annex[1]!.toUpperCase()}` : (c.provisionId ?? '');
  const clauseEn = annex ? `Annex ${annex[1]!.toUpperCase()}` : (c.provisionId ?? '');
  return {
    ...c,
    labelZh: [number, clauseZh].filter(Boolean).join(' '),
    labelEn: [number, clauseEn].filter(Boolean).join(' '),
  };
}

/**
 * 定级结果: the grade, what decided it (declaration, catalogue entry, impact analysis or the
 * default), the catalogue entry with its source one click away, and the reasons.
 */
export function ClassificationView({ resource }: { resource: ResourceView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const c = resource.classification;
  const entries = useEntryIndex();
  const entry = c.catalogueEntry;
  const full = entry ? entries.byRef.get(`${entry.catalogueId}/${entry.id}`) : undefined;
  const reasons = language.startsWith('zh') ? c.reasonsZh : c.reasonsEn;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="classification-explanation"
      title={t('dataSecurity.classification.title')}
      styles={{ label: { width: 140 } }}
      items={[
        {
          key: 'grade',
          label: t('dataSecurity.classification.grade'),
          children: (
            <Space wrap>
              <GradeTag grade={c.grade} />
              <PiTag kind={c.personalInformation} />
              {c.provisional && (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('dataSecurity.classification.provisional')}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'decidedBy',
          label: t('dataSecurity.classification.decidedBy'),
          children: t(`dataSecurity.decidedBy.${c.decidedBy}`),
        },
        {
          key: 'entry',
          label: t('dataSecurity.classification.entry'),
          children: entry ? (
            <Popover
              trigger="click"
              title={pick(language, entry.nameZh, entry.nameEn)}
              styles={{ root: { maxWidth: 460 } }}
              content={
                <Space orientation="vertical" size={4}>
                  {full?.catalogueTitle && (
                    <Typography.Text type="secondary">{full.catalogueTitle}</Typography.Text>
                  )}
                  {full && (full.descriptionZh || full.descriptionEn) && (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {pick(language, full.descriptionZh ?? '', full.descriptionEn ?? '')}
                    </Typography.Text>
                  )}
                  {full?.citation && (
                    <CitationList citations={[standardCitation(asCitation(full.citation))]} />
                  )}
                </Space>
              }
            >
              <Typography.Link data-testid="classification-entry">
                {pick(language, entry.nameZh, entry.nameEn)}
                {entry.sectorLevel ? ` · ${entry.sectorLevel}` : ''}
              </Typography.Link>
            </Popover>
          ) : (
            <Typography.Text type="secondary">
              {t('dataSecurity.classification.noEntry')}
            </Typography.Text>
          ),
        },
        {
          key: 'reasons',
          label: t('dataSecurity.classification.reasons'),
          children: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ),
        },
        {
          key: 'citations',
          label: t('dataSecurity.classification.citations'),
          children: <CitationPopover citations={c.citations} />,
        },
        ...(resource.declaredGrade
          ? [
              {
                key: 'declared',
                label: t('dataSecurity.field.declaredGrade'),
                children: (
                  <Space wrap>
                    <Tag>{t(`dataSecurity.grade.${resource.declaredGrade}`)}</Tag>
                    {resource.declaredOn && <span>{resource.declaredOn}</span>}
                    {resource.declarationReference && (
                      <Typography.Text type="secondary">
                        {resource.declarationReference}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
