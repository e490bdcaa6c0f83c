/** Grade and personal-information tags, and the classification catalog by entry id. */
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataGrade } from '../../../../../src/shared/data-security-schemas';
import type { ClassificationEntryDto } from '../../../api/data-security-client';
import { useClassificationCatalog } from '../../../api/data-security-hooks';
import { pick } from '../../../lib/language';

/** 核心数据 red, 重要数据 orange, 一般数据 plain (ux.md: high risk red, medium amber). */
export const GRADE_COLOURS: Record<DataGrade, string | undefined> = {
  core: 'red',
  important: 'orange',
  general: undefined,
};

export function GradeTag({ grade, provisional }: { grade: DataGrade; provisional?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={GRADE_COLOURS[grade]} style={{ marginInlineEnd: 0 }} data-testid="grade-tag">
      {t(`dataSecurity.grade.${grade}`)}
      {provisional ? t('dataSecurity.grade.provisionalSuffix') : ''}
    </Tag>
  );
}

export function PiTag({ kind }: { kind: 'none' | 'general' | 'sensitive' }) {
  const { t } = useTranslation();
  if (kind === 'none') return null;
  return (
    <Tag color={kind === 'sensitive' ? 'magenta' : 'blue'} style={{ marginInlineEnd: 0 }}>
      {t(`dataSecurity.pi.${kind}`)}
    </Tag>
  );
}

export interface EntryIndex {
  readonly byRef: ReadonlyMap<string, ClassificationEntryDto & { catalogueTitle: string }>;
  readonly sectorName: (key: string | null | undefined) => string;
  /** Entries of the catalogues that apply to a sector (all when no sector). */
  readonly entriesFor: (
    sector: string | null | undefined,
  ) => (ClassificationEntryDto & { ref: string; catalogueTitle: string })[];
  readonly sectors: { value: string; label: string }[];
  readonly version: string | null;
  readonly loading: boolean;
}

export const entryRef = (e: { catalogueId: string; id: string }) => `${e.catalogueId}/${e.id}`;

export function useEntryIndex(): EntryIndex {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const catalog = useClassificationCatalog();
  return useMemo(() => {
    const data = catalog.data;
    const byRef = new Map<string, ClassificationEntryDto & { catalogueTitle: string }>();
    for (const c of data?.catalogues ?? [])
      for (const e of c.entries)
        byRef.set(entryRef({ catalogueId: c.id, id: e.id }), {
          ...e,
          catalogueId: c.id,
          catalogueTitle: pick(language, c.titleZh, c.titleEn),
        });
    const sectorNames = new Map(
      (data?.sectors ?? []).map((s) => [s.key, pick(language, s.nameZh, s.nameEn)]),
    );
    return {
      byRef,
      sectorName: (key) => (key ? (sectorNames.get(key) ?? key) : ''),
      entriesFor: (sector) =>
        (data?.catalogues ?? [])
          .filter((c) => !sector || c.sectors.length === 0 || c.sectors.includes(sector))
          .flatMap((c) =>
            c.entries.map((e) => ({
              ...e,
              catalogueId: c.id,
              ref: entryRef({ catalogueId: c.id, id: e.id }),
              catalogueTitle: pick(language, c.titleZh, c.titleEn),
            })),
          ),
      sectors: (data?.sectors ?? []).map((s) => ({
        value: s.key,
        label: pick(language, s.nameZh, s.nameEn),
      })),
      version: data?.version ?? null,
      loading: catalog.isPending,
    };
  }, [catalog.data, catalog.isPending, language]);
}

/**
 * The catalogue entry that best fits what the form says (a hint only: the owner chooses, the
 * server classifies): entries whose keywords occur in the name or description, or whose
 * personal-information categories were picked, and whose count threshold the individuals meet.
 */
export function suggestEntry<E extends ClassificationEntryDto & { ref: string }>(
  entries: readonly E[],
  facts: {
    name?: string;
    description?: string | null;
    piCategories?: string[];
    individuals?: number;
  },
): (E & { score: number }) | null {
  const text = `${facts.name ?? ''} ${facts.description ?? ''}`.toLowerCase();
  const picked = new Set(facts.piCategories ?? []);
  let best: (E & { score: number }) | null = null;
  for (const e of entries) {
    const words = e.keywords.filter((k) => k && text.includes(k.toLowerCase())).length;
    const cats = e.piCategories.filter((c) => picked.has(c)).length;
    if (words + cats === 0) continue;
    if (e.threshold) {
      const n = facts.individuals ?? 0;
      if (e.threshold.inclusive ? n < e.threshold.individuals : n <= e.threshold.individuals)
        continue;
    }
    const score = words * 2 + cats + (e.threshold ? 1 : 0);
    if (!best || score > best.score) best = { ...e, score };
  }
  return best;
}
