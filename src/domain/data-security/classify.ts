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

interface Sentence {
  readonly zh: string;
  readonly en: string;
}
interface ImpactAnswer extends Sentence {
  readonly grade: DataGrade;
}
const DEFAULT_WORDS: Sentence = {
  zh: '未申报、未选目录条目、未做影响分析，默认为一般数据；请对照行业目录或做影响分析核实。',
  en: 'No declaration, catalogue entry or impact analysis: general data by default; check it against the sector catalogue or analyse its impact.',
};
const REVIEW_WORDS: Record<DataGrade, Sentence> = {
  general: { zh: '', en: '' },
  important: {
    zh: '注意：影响分析得出重要数据，高于所定级别，请复核。',
    en: 'Note: the impact analysis gives important data, higher than the grade decided; review it.',
  },
  core: {
    zh: '注意：影响分析得出核心数据，高于所定级别，请复核。',
    en: 'Note: the impact analysis gives core data, higher than the grade decided; review it.',
  },
};
const PROVISIONAL_WORDS: Record<DataGrade, Sentence> = {
  general: { zh: '', en: '' },
  important: {
    zh: '重要数据尚待申报并经主管部门确认（网络数据安全管理条例第二十九条）。',
    en: 'important data still to be declared to and confirmed by the authority (NDS Regulations Art. 29).',
  },
  core: {
    zh: '核心数据尚待申报并经主管部门确认（网络数据安全管理条例第二十九条）。',
    en: 'core data still to be declared to and confirmed by the authority (NDS Regulations Art. 29).',
  },
};

function meetsThreshold(e: CatalogueEntry, individuals: number): boolean {
  return (
    e.threshold !== null &&
    (e.threshold.inclusive
      ? individuals >= e.threshold.individuals
      : individuals > e.threshold.individuals)
  );
}

interface PiAnswer {
  readonly kind: 'general' | 'sensitive';
  readonly reasonsZh: string[];
  readonly reasonsEn: string[];
  readonly citations: readonly Citation[];
}
const MEMO_LIMIT = 50_000;

function addCitation(list: Citation[], c: Citation): void {
  for (const x of list)
    if (x.instrumentId === c.instrumentId && x.provisionId === c.provisionId) return;
  list.push(c);
}

function addSuggestion(
  list: CatalogueEntry[],
  e: CatalogueEntry,
  sectors: readonly string[],
  sector: string | null,
  chosen: CatalogueEntry | null,
): void {
  if (sector && !sectors.includes(sector)) return;
  if (e === chosen || list.length >= MAX_SUGGESTIONS || list.includes(e)) return;
  list.push(e);
}

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
  /** Keyword suggestions by the needle's first character (lower case). */
  const keywordsByFirst = new Map<
    string,
    { needle: string; entry: CatalogueEntry; sectors: readonly string[] }[]
  >();
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
        if (needle.length === 0) continue;
        const list = keywordsByFirst.get(needle[0]!) ?? [];
        list.push({ needle, entry, sectors: catalogue.sectors });
        keywordsByFirst.set(needle[0]!, list);
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
  /**
   * The sensitive classifier's answer, from the categories that can change it: those with a
   * PIPL Art. 28 class and those the catalog does not know (the others only make personal
   * information general). Pure, and inventories repeat the same few sets, so each set is
   * classified once (memo bounded, then cleared).
   */
  const piMemo = new Map<string, PiAnswer>();
  const GENERAL_PI: PiAnswer = { kind: 'general', reasonsZh: [], reasonsEn: [], citations: [] };
  const personalInformationOf = (codes: readonly string[]): PiAnswer => {
    let key = '';
    for (const code of codes) {
      const c = piByCode.get(code);
      if (c === undefined || c.piplClass !== null) key += `${code}\u0000`;
    }
    if (key === '') return GENERAL_PI;
    const hit = piMemo.get(key);
    if (hit) return hit;
    const relevant = key.split('\u0000').slice(0, -1);
    const resolved: PiCategory[] = [];
    for (const code of relevant) {
      const c = piByCode.get(code);
      if (c) resolved.push(c);
    }
    const pi = classifyActivity(resolved, {
      dataCategories: relevant,
      dataSubjects: [],
      minorsUnder14: 0,
    });
    const n = pi.sensitive ? pi.piplClasses.length : 0;
    const answer: PiAnswer = {
      kind: pi.sensitive ? 'sensitive' : 'general',
      reasonsZh: pi.reasonsZh.slice(0, n),
      reasonsEn: pi.reasonsEn.slice(0, n),
      citations: pi.sensitive ? pi.citations : [],
    };
    if (pi.unknownCategories.length > 0) {
      answer.reasonsZh.push(`未知的个人信息类别：${pi.unknownCategories.join('、')}。`);
      answer.reasonsEn.push(
        `Unknown personal-information categories: ${pi.unknownCategories.join(', ')}.`,
      );
    }
    if (piMemo.size >= MEMO_LIMIT) piMemo.clear();
    piMemo.set(key, answer);
    return answer;
  };

  /** Words of each judged object × degree, and the grade the rules give it. */
  const impactWords = new Map<string, { zh: string; en: string; grade: DataGrade }>();
  for (const object of Object.keys(IMPACT_OBJECT_WORDS) as ImpactObject[])
    for (const degree of Object.keys(HARM_WORDS) as HarmLevel[])
      impactWords.set(`${object}:${degree}`, {
        zh: `${IMPACT_OBJECT_WORDS[object].zh}${HARM_WORDS[degree].zh}`,
        en: `${HARM_WORDS[degree].en} to ${IMPACT_OBJECT_WORDS[object].en}`,
        grade: rules.get(`${object}:${degree}`) ?? 'general',
      });
  /** The impact analysis's grade and sentence per list of judgements (memo, bounded). */
  const impactMemo = new Map<string, ImpactAnswer>();
  const impactOf = (impacts: DataResourceFacts['impacts']): ImpactAnswer | null => {
    if (impacts.length === 0) return null;
    let key = '';
    for (const j of impacts) key += `${j.object}:${j.degree},`;
    const hit = impactMemo.get(key);
    if (hit) return hit;
    let grade: DataGrade = 'general';
    const hits: { zh: string; en: string; grade: DataGrade }[] = [];
    for (const j of impacts) {
      const w = impactWords.get(`${j.object}:${j.degree}`)!;
      hits.push(w);
      if (GRADE_RANK[w.grade] > GRADE_RANK[grade]) grade = w.grade;
    }
    const topZh: string[] = [];
    const topEn: string[] = [];
    for (const h of hits)
      if (h.grade === grade) {
        topZh.push(h.zh);
        topEn.push(h.en);
      }
    const answer: ImpactAnswer = {
      grade,
      zh: `影响分析：${topZh.join('、')}，按 GB/T 43697-2024 定级规则定为${GRADE_WORDS[grade].zh}（取各影响对象中的最高级别）。`,
      en: `Impact analysis: ${topEn.join('; ')}; graded ${GRADE_WORDS[grade].en} by the GB/T 43697-2024 grading rules (the highest over the objects judged).`,
    };
    if (impactMemo.size >= MEMO_LIMIT) impactMemo.clear();
    impactMemo.set(key, answer);
    return answer;
  };

  const entryWords = (e: CatalogueEntry) => {
    const title = catalogueTitle.get(e.catalogueId);
    return {
      zh: `《${title?.zh ?? e.catalogueId}》“${e.nameZh}”`,
      en: `"${e.nameEn}" of ${title?.en ?? e.catalogueId}`,
    };
  };
  /** Per entry: the sentence when the owner chose it, and when it is only suggested. */
  const chosenWords = new Map<CatalogueEntry, Sentence>();
  const suggestedWords = new Map<CatalogueEntry, Sentence>();
  for (const e of entries.values()) {
    const w = entryWords(e);
    const g = GRADE_WORDS[e.grade];
    chosenWords.set(e, {
      zh: `属于${w.zh}，该条目定为${g.zh}${e.sectorLevel ? `（行业级别：${e.sectorLevel}）` : ''}。`,
      en: `Matched to ${w.en}, graded ${g.en}${e.sectorLevel ? ` (sector level: ${e.sectorLevel})` : ''}.`,
    });
    suggestedWords.set(e, {
      zh: `可能属于${w.zh}（${g.zh}，按名称或个人信息类别提示；确认后在“目录条目”中选用此条方才适用）。`,
      en: `May be ${w.en} (${g.en}; suggested by name or personal-information category — choose ${entryRef(e)} to apply it).`,
    });
  }
  const declaredMemo = new Map<string, Sentence>();
  const declaredWords = (grade: DataGrade, on: string | null): Sentence => {
    const key = `${grade}|${on ?? ''}`;
    let s = declaredMemo.get(key);
    if (!s) {
      s = {
        zh: `已申报或经主管部门告知为${GRADE_WORDS[grade].zh}${on ? `（${on}）` : ''}，以申报/告知的级别为准（网络数据安全管理条例第二十九条）。`,
        en: `Declared as, or notified by the authority as, ${GRADE_WORDS[grade].en}${on ? ` (${on})` : ''}; the declared/notified grade prevails (NDS Regulations Art. 29).`,
      };
      if (declaredMemo.size >= MEMO_LIMIT) declaredMemo.clear();
      declaredMemo.set(key, s);
    }
    return s;
  };

  return (facts) => {
    const lead: Sentence[] = [];
    const citations: Citation[] = [DSL.classification];

    // — Personal information —
    let pi: PiAnswer | null = null;
    if (facts.piCategories.length > 0 || facts.individuals > 0)
      pi = personalInformationOf(facts.piCategories);

    // — Impact analysis (computed always: reported even where something else decides) —
    const impact = impactOf(facts.impacts);

    // — Catalogue —
    let chosen: CatalogueEntry | null = null;
    let chosenBy: 'owner' | 'threshold' | null = null;
    let unknownEntry: Sentence | null = null;
    if (facts.catalogueEntry) {
      const e = entries.get(facts.catalogueEntry);
      if (e) {
        chosen = e;
        chosenBy = 'owner';
      } else
        unknownEntry = {
          zh: `所选目录条目 ${facts.catalogueEntry} 不在分类目录中，未予采用。`,
          en: `The chosen catalogue entry ${facts.catalogueEntry} is not in the classification catalog; it was not used.`,
        };
    }
    if (chosen === null && facts.sector && facts.individuals > 0) {
      const candidates = thresholdBySector.get(facts.sector);
      if (candidates)
        for (const e of candidates)
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
    if (keywordsByFirst.size > 0) {
      // One pass over the text: at each character, only the needles starting with it.
      const haystack = `${facts.name}\n${facts.description ?? ''}`.toLowerCase();
      for (let i = 0; i < haystack.length; i++) {
        const candidates = keywordsByFirst.get(haystack[i]!);
        if (candidates === undefined) continue;
        for (const k of candidates)
          if (haystack.startsWith(k.needle, i))
            addSuggestion(suggestions, k.entry, k.sectors, facts.sector, chosen);
      }
    }
    for (const code of facts.piCategories) {
      const hits = byPiCategory.get(code);
      if (hits)
        for (const hit of hits)
          addSuggestion(suggestions, hit.entry, hit.sectors, facts.sector, chosen);
    }

    // — Decide —
    let grade: DataGrade;
    let decidedBy: Classification['decidedBy'];
    if (facts.declaredGrade) {
      grade = facts.declaredGrade;
      decidedBy = 'declaration';
      addCitation(citations, NDS.identifyAndDeclare);
      lead.push(declaredWords(grade, facts.declaredOn));
    } else if (chosen !== null) {
      grade = chosen.grade;
      decidedBy = 'catalogue';
      addCitation(citations, chosen.citation);
      if (chosenBy === 'owner') lead.push(chosenWords.get(chosen)!);
      else {
        const w = entryWords(chosen);
        const t = chosen.threshold!;
        lead.push({
          zh: `涉及 ${facts.individuals} 人的个人信息，达到${w.zh}的数量门槛（${t.inclusive ? '' : '超过'}${t.individuals} 人${t.inclusive ? '以上' : ''}），定为${GRADE_WORDS[grade].zh}。`,
          en: `Holds personal information of ${facts.individuals} people, meeting the threshold of ${w.en} (${t.inclusive ? 'at least' : 'more than'} ${t.individuals}); graded ${GRADE_WORDS[grade].en}.`,
        });
      }
    } else if (impact !== null) {
      grade = impact.grade;
      decidedBy = 'impact';
      addCitation(citations, GBT_43697.gradingElements);
      addCitation(citations, GBT_43697.gradingRules);
      lead.push(impact);
    } else {
      grade = 'general';
      decidedBy = 'default';
      addCitation(citations, GBT_43697.gradingRules);
      lead.push(DEFAULT_WORDS);
    }
    if (unknownEntry) lead.push(unknownEntry);
    // Where something earlier decided, a higher impact grade is worth a second look.
    if (decidedBy !== 'impact' && impact !== null && GRADE_RANK[impact.grade] > GRADE_RANK[grade])
      lead.push(REVIEW_WORDS[impact.grade]);
    for (const e of suggestions) lead.push(suggestedWords.get(e)!);
    const provisional =
      grade !== 'general' && !(facts.declaredGrade === grade && facts.declaredOn !== null);
    if (provisional) {
      addCitation(citations, NDS.identifyAndDeclare);
      lead.push(PROVISIONAL_WORDS[grade]);
    }
    const reasonsZh: string[] = [];
    const reasonsEn: string[] = [];
    for (const l of lead) {
      reasonsZh.push(l.zh);
      reasonsEn.push(l.en);
    }
    if (pi) {
      for (const r of pi.reasonsZh) reasonsZh.push(r);
      for (const r of pi.reasonsEn) reasonsEn.push(r);
      for (const c of pi.citations) addCitation(citations, c);
    }
    return {
      grade,
      decidedBy,
      catalogueEntry: decidedBy === 'catalogue' ? chosen : null,
      personalInformation: pi === null ? 'none' : pi.kind,
      reasonsZh,
      reasonsEn,
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
