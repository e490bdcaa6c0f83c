/**
 * Classification and grading of a data resource (数据分类分级, GB/T 43697-2024; DSL Art. 21).
 * Pure: the caller passes the resource's facts, the classification catalog
 * (src/catalogs/data-classification) and the personal-information categories
 * (src/catalogs/pi-categories).
 *
 * Order of decision (the first that applies decides the grade, `decidedBy`):
 * 1. `declaration` — a grade the operator declared or an authority notified/confirmed
 *    (`declaredGrade`) prevails over the rules (NDS Regulations Art. 29: operators identify and
 *    declare important data; the authorities confirm it).
 * 2. `catalogue` — the sector-catalogue entry the owner chose (`catalogueEntry`,
 *    `<catalogueId>/<entryId>`); else an entry whose count threshold the resource meets (e.g.
 *    personal information of more than 100,000 people), for a catalogue of the resource's sector,
 *    the highest grade among them. Entries matched only by keyword or personal-information
 *    category are *suggestions*: they are named in the reasons but decide nothing until the
 *    owner chooses one (a keyword is not a finding that the data is of that kind).
 * 3. `impact` — the owner's impact analysis: each judged object × degree of harm graded by the
 *    catalog's GB/T 43697 grading rules; the highest grade over the judged objects.
 * 4. `default` — general data (一般数据).
 *
 * `provisional`: the grade is important or core but not yet declared to / confirmed by the
 * authority (no `declaredGrade` equal to it with a `declaredOn` date) — the operator has
 * identified it (Art. 29 ¶1) and must still declare it.
 */
import type { PiCategory } from '../../catalogs/pi-categories.schema';
import type { DataGrade, HarmLevel, ImpactObject } from '../../shared/data-security-schemas';
import type { Citation } from '../citation';
import { classifyActivity } from '../privacy/sensitive';
import { DSL, GBT_43697, NDS } from './citations';
import type {
  CatalogueEntry,
  Classification,
  ClassificationCatalog,
  DataResourceFacts,
} from './types';

export const GRADE_RANK: Record<DataGrade, number> = { general: 0, important: 1, core: 2 };

export const GRADE_WORDS: Record<DataGrade, { readonly zh: string; readonly en: string }> = {
  general: { zh: '一般数据', en: 'general data' },
  important: { zh: '重要数据', en: 'important data' },
  core: { zh: '核心数据', en: 'core data' },
};

export const IMPACT_OBJECT_WORDS: Record<
  ImpactObject,
  { readonly zh: string; readonly en: string }
> = {
  national_security: { zh: '国家安全', en: 'national security' },
  economic_operation: { zh: '经济运行', en: 'economic operation' },
  social_order: { zh: '社会秩序', en: 'social order' },
  public_interest: { zh: '公共利益', en: 'public interest' },
  organisation_rights: { zh: '组织权益', en: 'rights of organisations' },
  individual_rights: { zh: '个人权益', en: 'rights of individuals' },
};

export const HARM_WORDS: Record<HarmLevel, { readonly zh: string; readonly en: string }> = {
  especially_serious: { zh: '特别严重危害', en: 'especially serious harm' },
  serious: { zh: '严重危害', en: 'serious harm' },
  general: { zh: '一般危害', en: 'general harm' },
  none: { zh: '无危害', en: 'no harm' },
};

/** How many suggestions (keyword / category matches) a classification names at most. */
const MAX_SUGGESTIONS = 3;

/** A classifier bound to one catalog: index once, classify many. */
export type ResourceClassifier = (facts: DataResourceFacts) => Classification;

/** The catalogue entry `<catalogueId>/<entryId>` names, or undefined. */
export function findCatalogueEntry(
  catalog: ClassificationCatalog,
  ref: string,
): CatalogueEntry | undefined {
  const slash = ref.indexOf('/');
  if (slash < 0) return undefined;
  const catalogueId = ref.slice(0, slash);
  const entryId = ref.slice(slash + 1);
  return catalog.catalogues
    .find((c) => c.id === catalogueId)
    ?.entries.find((e) => e.id === entryId);
}

export const entryRef = (e: CatalogueEntry): string => `${e.catalogueId}/${e.id}`;

/**
 * Prepares a classifier over a catalog and the personal-information categories (indexes built
 * once; use for many resources).
 */
export function prepareClassifier(
  catalog: ClassificationCatalog,
  piCategories: readonly PiCategory[],
): ResourceClassifier {
  const entries = new Map<string, CatalogueEntry>();
  const catalogueTitle = new Map<string, { zh: string; en: string }>();
  /** Threshold entries by sector key. */
  const thresholdBySector = new Map<string, CatalogueEntry[]>();
  /** Keyword and category suggestions: [needle (lower case), entry, sectors]. */
  const keywordEntries: { needle: string; entry: CatalogueEntry; sectors: readonly string[] }[] =
    [];
  const byPiCategory = new Map<string, { entry: CatalogueEntry; sectors: readonly string[] }[]>();
  for (const catalogue of catalog.catalogues) {
    catalogueTitle.set(catalogue.id, { zh: catalogue.titleZh, en: catalogue.titleEn });
    for (const entry of catalogue.entries) {
      entries.set(entryRef(entry), entry);
      if (entry.threshold !== null)
        for (const sector of catalogue.sectors) {
          const list = thresholdBySector.get(sector) ?? [];
          list.push(entry);
          thresholdBySector.set(sector, list);
        }
      for (const k of entry.keywords) {
        const needle = k.trim().toLowerCase();
        if (needle.length > 0) keywordEntries.push({ needle, entry, sectors: catalogue.sectors });
      }
      for (const code of entry.piCategories) {
        const list = byPiCategory.get(code) ?? [];
        list.push({ entry, sectors: catalogue.sectors });
        byPiCategory.set(code, list);
      }
    }
  }
  const rules = new Map<string, DataGrade>();
  for (const r of catalog.gradeRules) rules.set(`${r.object}:${r.degree}`, r.grade);
  const piByCode = new Map(piCategories.map((c) => [c.code, c]));

  const entryWords = (e: CatalogueEntry) => {
    const title = catalogueTitle.get(e.catalogueId);
    return {
      zh: `《${title?.zh ?? e.catalogueId}》“${e.nameZh}”`,
      en: `"${e.nameEn}" of ${title?.en ?? e.catalogueId}`,
    };
  };
  const meetsThreshold = (e: CatalogueEntry, individuals: number) =>
    e.threshold !== null &&
    (e.threshold.inclusive
      ? individuals >= e.threshold.individuals
      : individuals > e.threshold.individuals);

  return (facts) => {
    const reasonsZh: string[] = [];
    const reasonsEn: string[] = [];
    const citations: Citation[] = [DSL.classification];
    const cite = (c: Citation) => {
      if (
        !citations.some((x) => x.instrumentId === c.instrumentId && x.provisionId === c.provisionId)
      )
        citations.push(c);
    };

    // — Personal information —
    const resolved: PiCategory[] = [];
    for (const code of facts.piCategories) {
      const c = piByCode.get(code);
      if (c) resolved.push(c);
    }
    let personalInformation: Classification['personalInformation'] = 'none';
    if (facts.piCategories.length > 0 || facts.individuals > 0) {
      const pi = classifyActivity(resolved, {
        dataCategories: facts.piCategories,
        dataSubjects: [],
        minorsUnder14: 0,
      });
      personalInformation = pi.sensitive ? 'sensitive' : 'general';
      if (pi.sensitive) {
        reasonsZh.push(...pi.reasonsZh.filter((_, i) => i < pi.piplClasses.length));
        reasonsEn.push(...pi.reasonsEn.filter((_, i) => i < pi.piplClasses.length));
        for (const c of pi.citations) cite(c);
      }
      if (pi.unknownCategories.length > 0) {
        reasonsZh.push(`未知的个人信息类别：${pi.unknownCategories.join('、')}。`);
        reasonsEn.push(
          `Unknown personal-information categories: ${pi.unknownCategories.join(', ')}.`,
        );
      }
    }

    // — Impact analysis (computed always: it is reported even where something else decides) —
    let impactGrade: DataGrade | null = null;
    const impactHits: { zh: string; en: string; grade: DataGrade }[] = [];
    for (const j of facts.impacts) {
      const grade = rules.get(`${j.object}:${j.degree}`) ?? 'general';
      impactHits.push({
        zh: `${IMPACT_OBJECT_WORDS[j.object].zh}${HARM_WORDS[j.degree].zh}`,
        en: `${HARM_WORDS[j.degree].en} to ${IMPACT_OBJECT_WORDS[j.object].en}`,
        grade,
      });
      if (impactGrade === null || GRADE_RANK[grade] > GRADE_RANK[impactGrade]) impactGrade = grade;
    }

    // — Catalogue —
    let chosen: CatalogueEntry | null = null;
    let chosenBy: 'owner' | 'threshold' | null = null;
    if (facts.catalogueEntry) {
      const e = entries.get(facts.catalogueEntry);
      if (e) {
        chosen = e;
        chosenBy = 'owner';
      } else {
        reasonsZh.push(`所选目录条目 ${facts.catalogueEntry} 不在分类目录中，未予采用。`);
        reasonsEn.push(
          `The chosen catalogue entry ${facts.catalogueEntry} is not in the classification catalog; it was not used.`,
        );
      }
    }
    if (chosen === null && facts.sector && facts.individuals > 0) {
      for (const e of thresholdBySector.get(facts.sector) ?? [])
        if (
          meetsThreshold(e, facts.individuals) &&
          (chosen === null || GRADE_RANK[e.grade] > GRADE_RANK[chosen.grade])
        ) {
          chosen = e;
          chosenBy = 'threshold';
        }
    }

    // — Suggestions (keyword / personal-information category), never deciding —
    const suggestions: CatalogueEntry[] = [];
    const suggest = (e: CatalogueEntry, sectors: readonly string[]) => {
      if (facts.sector && !sectors.includes(facts.sector)) return;
      if (e === chosen || suggestions.includes(e) || suggestions.length >= MAX_SUGGESTIONS) return;
      suggestions.push(e);
    };
    if (keywordEntries.length > 0) {
      const haystack = `${facts.name}\n${facts.description ?? ''}`.toLowerCase();
      for (const k of keywordEntries) if (haystack.includes(k.needle)) suggest(k.entry, k.sectors);
    }
    for (const code of facts.piCategories)
      for (const hit of byPiCategory.get(code) ?? []) suggest(hit.entry, hit.sectors);

    // — Decide —
    let grade: DataGrade;
    let decidedBy: Classification['decidedBy'];
    const lead: { zh: string; en: string }[] = [];
    if (facts.declaredGrade) {
      grade = facts.declaredGrade;
      decidedBy = 'declaration';
      cite(NDS.identifyAndDeclare);
      lead.push({
        zh: `已申报或经主管部门告知为${GRADE_WORDS[grade].zh}${facts.declaredOn ? `（${facts.declaredOn}）` : ''}，以申报/告知的级别为准（网络数据安全管理条例第二十九条）。`,
        en: `Declared as, or notified by the authority as, ${GRADE_WORDS[grade].en}${facts.declaredOn ? ` (${facts.declaredOn})` : ''}; the declared/notified grade prevails (NDS Regulations Art. 29).`,
      });
    } else if (chosen !== null) {
      grade = chosen.grade;
      decidedBy = 'catalogue';
      const w = entryWords(chosen);
      cite(chosen.citation);
      if (chosenBy === 'owner')
        lead.push({
          zh: `属于${w.zh}，该条目定为${GRADE_WORDS[grade].zh}${chosen.sectorLevel ? `（行业级别：${chosen.sectorLevel}）` : ''}。`,
          en: `Matched to ${w.en}, graded ${GRADE_WORDS[grade].en}${chosen.sectorLevel ? ` (sector level: ${chosen.sectorLevel})` : ''}.`,
        });
      else
        lead.push({
          zh: `涉及 ${facts.individuals} 人的个人信息，达到${w.zh}的数量门槛（${chosen.threshold!.inclusive ? '' : '超过'}${chosen.threshold!.individuals} 人${chosen.threshold!.inclusive ? '以上' : ''}），定为${GRADE_WORDS[grade].zh}。`,
          en: `Holds personal information of ${facts.individuals} people, meeting the threshold of ${w.en} (${chosen.threshold!.inclusive ? 'at least' : 'more than'} ${chosen.threshold!.individuals}); graded ${GRADE_WORDS[grade].en}.`,
        });
    } else if (impactGrade !== null) {
      grade = impactGrade;
      decidedBy = 'impact';
      cite(GBT_43697.gradingElements);
      cite(GBT_43697.gradingRules);
      const top = impactHits.filter((h) => h.grade === impactGrade);
      lead.push({
        zh: `影响分析：${top.map((h) => h.zh).join('、')}，按 GB/T 43697-2024 定级规则定为${GRADE_WORDS[grade].zh}（取各影响对象中的最高级别）。`,
        en: `Impact analysis: ${top.map((h) => h.en).join('; ')}; graded ${GRADE_WORDS[grade].en} by the GB/T 43697-2024 grading rules (the highest over the objects judged).`,
      });
    } else {
      grade = 'general';
      decidedBy = 'default';
      cite(GBT_43697.gradingRules);
      lead.push({
        zh: '未申报、未选目录条目、未做影响分析，默认为一般数据；请对照行业目录或做影响分析核实。',
        en: 'No declaration, catalogue entry or impact analysis: general data by default; check it against the sector catalogue or analyse its impact.',
      });
    }
    // Where something earlier decided, a higher impact grade is worth a second look.
    if (
      decidedBy !== 'impact' &&
      impactGrade !== null &&
      GRADE_RANK[impactGrade] > GRADE_RANK[grade]
    ) {
      lead.push({
        zh: `注意：影响分析得出${GRADE_WORDS[impactGrade].zh}，高于所定级别，请复核。`,
        en: `Note: the impact analysis gives ${GRADE_WORDS[impactGrade].en}, higher than the grade decided; review it.`,
      });
    }
    for (const e of suggestions) {
      const w = entryWords(e);
      lead.push({
        zh: `可能属于${w.zh}（${GRADE_WORDS[e.grade].zh}，按名称或个人信息类别提示，需确认后选择 ${entryRef(e)}）。`,
        en: `May be ${w.en} (${GRADE_WORDS[e.grade].en}; suggested by name or personal-information category — choose ${entryRef(e)} to apply it).`,
      });
    }
    const provisional =
      grade !== 'general' && !(facts.declaredGrade === grade && facts.declaredOn !== null);
    if (provisional) {
      cite(NDS.identifyAndDeclare);
      lead.push({
        zh: `${GRADE_WORDS[grade].zh}尚待申报并经主管部门确认（网络数据安全管理条例第二十九条）。`,
        en: `${GRADE_WORDS[grade].en} still to be declared to and confirmed by the authority (NDS Regulations Art. 29).`,
      });
    }
    return {
      grade,
      decidedBy,
      catalogueEntry: decidedBy === 'catalogue' ? chosen : null,
      personalInformation,
      reasonsZh: [...lead.map((l) => l.zh), ...reasonsZh],
      reasonsEn: [...lead.map((l) => l.en), ...reasonsEn],
      citations,
      provisional,
    };
  };
}

/** Classifies one resource (see the module comment for the order of decision). */
export function classifyDataResource(
  facts: DataResourceFacts,
  catalog: ClassificationCatalog,
  piCategories: readonly PiCategory[],
): Classification {
  return prepareClassifier(catalog, piCategories)(facts);
}

/** Classifies many resources against one catalog (indexes built once), in the order given. */
export function classifyDataResources(
  resources: readonly DataResourceFacts[],
  catalog: ClassificationCatalog,
  piCategories: readonly PiCategory[],
): Classification[] {
  const classify = prepareClassifier(catalog, piCategories);
  return resources.map(classify);
}

/** Counts per grade and per personal-information kind. */
export function classificationCounts(classifications: readonly Classification[]): {
  readonly grades: Record<DataGrade, number>;
  readonly provisional: number;
  readonly personalInformation: Record<Classification['personalInformation'], number>;
} {
  const grades: Record<DataGrade, number> = { general: 0, important: 0, core: 0 };
  const personalInformation = { none: 0, general: 0, sensitive: 0 };
  let provisional = 0;
  for (const c of classifications) {
    grades[c.grade] += 1;
    personalInformation[c.personalInformation] += 1;
    if (c.provisional) provisional += 1;
  }
  return { grades, provisional, personalInformation };
}
