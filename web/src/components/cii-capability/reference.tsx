import { BookOutlined } from '@ant-design/icons';
import { Button, Popover, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Bilingual,
  CapabilityProvenance,
  KeyPoint,
} from '../../../../src/catalogs/cii-capability-catalog.schema';
import type { CapabilityCatalogDto } from '../../../../src/shared/cii-evaluation-schemas';
import { pick } from '../../lib/language';
import { ProvenanceMark } from './capability-labels';

/** What the catalog says about one requirement (our words, with where the clause is sourced). */
export interface CapabilityReference {
  readonly id: string;
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly evidence: readonly Bilingual[];
  readonly keyPoints: readonly KeyPoint[];
  readonly provenance: CapabilityProvenance;
  /** The clause of an item (`7.9` for `7.9-j`). */
  readonly clause: { id: string; title: Bilingual } | null;
  /** A clause some of whose items are listed separately (its own result covers the rest). */
  readonly hasItems: boolean;
}

export interface ReferenceIndex {
  readonly byId: ReadonlyMap<string, CapabilityReference>;
  readonly sources: Readonly<Record<string, Bilingual>>;
}

/** Requirement id → its catalog entry (clauses and their lettered items). */
export function referenceIndex(catalog: CapabilityCatalogDto): ReferenceIndex {
  const byId = new Map<string, CapabilityReference>();
  for (const chapter of catalog.chapters) {
    for (const clause of chapter.clauses) {
      byId.set(clause.id, {
        id: clause.id,
        title: clause.title,
        summary: clause.summary,
        evidence: clause.evidence,
        keyPoints: clause.keyPoints ?? [],
        provenance: clause.provenance,
        clause: null,
        hasItems: (clause.items ?? []).length > 0,
      });
      for (const item of clause.items ?? []) {
        byId.set(item.id, {
          id: item.id,
          title: item.title,
          summary: item.summary,
          evidence: item.evidence,
          keyPoints: [],
          provenance: item.provenance,
          clause: { id: clause.id, title: clause.title },
          hasItems: false,
        });
      }
    }
  }
  return { byId, sources: catalog.standard.sources };
}

/** The requirement's catalog entry one click away: summary, typical evidence, sourcing. */
export function ReferencePopover({
  requirementId,
  index,
}: {
  requirementId: string;
  index: ReferenceIndex | null;
}) {
  const { t, i18n } = useTranslation();
  const text = (b: Bilingual) => pick(i18n.language, b.zh, b.en);
  const ref = index?.byId.get(requirementId);
  if (!ref) return null;
  const section = (title: string, children: ReactNode) => (
    <div className="cap-ref-section">
      <Typography.Text strong style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      {children}
    </div>
  );
  const content = (
    <div className="cap-ref" data-testid="requirement-reference">
      {ref.clause && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ciiCapability.reference.ofClause', {
            clause: ref.clause.id,
            title: text(ref.clause.title),
          })}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ marginBottom: 8 }}>{text(ref.summary)}</Typography.Paragraph>
      {section(
        t('ciiCapability.reference.evidence'),
        <ul>
          {ref.evidence.map((e, i) => (
            <li key={i}>{text(e)}</li>
          ))}
        </ul>,
      )}
      {ref.keyPoints.length > 0 &&
        section(
          t('ciiCapability.reference.keyPoints'),
          <ul>
            {ref.keyPoints.map((k, i) => (
              <li key={i}>
                <ProvenanceMark status={k.provenance.status} note={text(k.provenance.note)} />{' '}
                {text(k.text)}
              </li>
            ))}
          </ul>,
        )}
      {section(
        t('ciiCapability.reference.provenance'),
        <Space orientation="vertical" size={2}>
          <span>
            <ProvenanceMark status={ref.provenance.status} />{' '}
            {t(`ciiCapability.provenance.${ref.provenance.status}`)}
            {t('common.labelSeparator')}
            {text(ref.provenance.note)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ciiCapability.reference.sources')}
            {t('common.labelSeparator')}
            {ref.provenance.sources
              .map((key) => {
                const source = index?.sources[key];
                return source ? text(source) : key;
              })
              .join(t('common.listSeparator'))}
          </Typography.Text>
        </Space>,
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ciiCapability.reference.ourWords')}
      </Typography.Text>
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="right"
      title={`GB/T 39204-2022 ${ref.id} ${text(ref.title)}`}
      content={content}
      styles={{ root: { maxWidth: 480 } }}
    >
      <Button
        type="text"
        size="small"
        icon={<BookOutlined />}
        aria-label={t('ciiCapability.reference.open', { id: requirementId })}
      />
    </Popover>
  );
}
