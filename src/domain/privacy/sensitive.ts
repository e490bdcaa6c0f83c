/**
 * The sensitive-information classifier (敏感个人信息判定): which of an activity's data categories
 * make it process sensitive personal information under PIPL Art. 28, which are only flagged by
 * the recommended standard GB/T 35273-2020 Annex B, and whether it processes personal
 * information of minors under 14 (Art. 28's eighth case, with the guardian-consent and
 * special-rules duty of Art. 31). Pure: the caller passes the categories of the catalog
 * (src/catalogs/pi-categories) and the activity.
 */
import type { PiCategory, PiplSensitiveClass } from '../../catalogs/pi-categories.schema';
import type { DataSubjectKind } from '../../shared/privacy-schemas';
import type { Citation } from '../citation';
import { PIPL, STANDARDS } from './citations';

/** Words for the Art. 28 classes, in the order the article names them. */
const CLASS_WORDS: Record<PiplSensitiveClass, { readonly zh: string; readonly en: string }> = {
  biometric: { zh: '生物识别信息', en: 'biometric information' },
  religious_belief: { zh: '宗教信仰信息', en: 'religious belief' },
  specific_identity: { zh: '特定身份信息', en: 'specific identity' },
  medical_health: { zh: '医疗健康信息', en: 'medical and health information' },
  financial_account: { zh: '金融账户信息', en: 'financial account information' },
  whereabouts: { zh: '行踪轨迹信息', en: 'whereabouts and tracks' },
  other: { zh: '其他敏感个人信息', en: 'other sensitive personal information' },
};
const CLASS_ORDER = Object.keys(CLASS_WORDS) as PiplSensitiveClass[];

/** What the classifier reads from an activity. */
export interface ClassifiableActivity {
  /** Category codes of the register (src/catalogs/pi-categories). */
  readonly dataCategories: readonly string[];
  readonly dataSubjects: readonly DataSubjectKind[];
  /** Minors under 14 whose information the activity holds (a count, or whether any). */
  readonly minorsUnder14: number | boolean;
}

/** One Art. 28 class the activity's categories fall into. */
export interface PiplClassHit {
  readonly class: PiplSensitiveClass;
  readonly labelZh: string;
  readonly labelEn: string;
  /** The activity's category codes of this class, in the activity's order. */
  readonly categories: readonly string[];
  readonly citation: Citation;
}

export interface SensitiveClassification {
  /** Sensitive personal information under PIPL Art. 28: a class hit, or minors under 14. */
  readonly sensitive: boolean;
  /** The Art. 28 classes hit, in the article's order. */
  readonly piplClasses: readonly PiplClassHit[];
  /**
   * Codes GB/T 35273-2020 Annex B lists as 个人敏感信息 that have no Art. 28 class: advice of a
   * recommended standard, not a legal classification (they do not make `sensitive` true).
   */
  readonly gbt35273Only: readonly string[];
  /** Personal information of minors under 14 (Art. 28; guardian consent and rules, Art. 31). */
  readonly minorsUnder14: boolean;
  /** Codes the catalog does not know (reported, never guessed). */
  readonly unknownCategories: readonly string[];
  /** Every provision the result rests on, deduplicated, Art. 28 first. */
  readonly citations: readonly Citation[];
  /** Why, one sentence per reason, Chinese and English in the same order. */
  readonly reasonsZh: readonly string[];
  readonly reasonsEn: readonly string[];
}

/**
 * Classifies an activity's data categories and data subjects.
 *
 * @param categories the catalog's categories (all of them, or at least the activity's)
 * @example
 * classifyActivity(catalog.categories, {
 *   dataCategories: ['name', 'face_features'], dataSubjects: ['customers'], minorsUnder14: 0,
 * }).piplClasses.map((c) => c.class) // ['biometric']
 */
export function classifyActivity(
  categories: readonly PiCategory[],
  activity: ClassifiableActivity,
): SensitiveClassification {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const byClass = new Map<PiplSensitiveClass, string[]>();
  const gbt35273Only: string[] = [];
  const unknownCategories: string[] = [];
  for (const code of activity.dataCategories) {
    if (seen.has(code)) continue;
    seen.add(code);
    const category = byCode.get(code);
    if (category === undefined) {
      unknownCategories.push(code);
      continue;
    }
    if (category.piplClass !== null) {
      const list = byClass.get(category.piplClass) ?? [];
      list.push(code);
      byClass.set(category.piplClass, list);
    } else if (category.gbt35273Sensitive) {
      gbt35273Only.push(code);
    }
  }

  const piplClasses: PiplClassHit[] = CLASS_ORDER.filter((c) => byClass.has(c)).map((c) => ({
    class: c,
    labelZh: CLASS_WORDS[c].zh,
    labelEn: CLASS_WORDS[c].en,
    categories: byClass.get(c) ?? [],
    citation: PIPL.sensitiveDefinition,
  }));
  const minorsUnder14 =
    (typeof activity.minorsUnder14 === 'number'
      ? activity.minorsUnder14 > 0
      : activity.minorsUnder14) || activity.dataSubjects.includes('minors_under_14');

  const label = (code: string, lang: 'zh' | 'en') => {
    const c = byCode.get(code);
    return c === undefined ? code : lang === 'zh' ? c.labelZh : c.labelEn;
  };
  const reasonsZh: string[] = [];
  const reasonsEn: string[] = [];
  for (const hit of piplClasses) {
    reasonsZh.push(
      `${hit.categories.map((c) => label(c, 'zh')).join('、')}属于${hit.labelZh}，是敏感个人信息（个人信息保护法第二十八条）。`,
    );
    reasonsEn.push(
      `${hit.categories.map((c) => label(c, 'en')).join(', ')}: ${hit.labelEn}, sensitive personal information (PIPL Art. 28).`,
    );
  }
  if (minorsUnder14) {
    reasonsZh.push(
      '处理不满十四周岁未成年人的个人信息，属于敏感个人信息（第二十八条），应取得父母或者其他监护人的同意并制定专门的处理规则（第三十一条）。',
    );
    reasonsEn.push(
      'Personal information of minors under 14 is sensitive (Art. 28); it needs the consent of a parent or guardian and dedicated processing rules (Art. 31).',
    );
  }
  if (gbt35273Only.length > 0) {
    reasonsZh.push(
      `${gbt35273Only.map((c) => label(c, 'zh')).join('、')}被 GB/T 35273-2020 附录B 列为个人敏感信息（推荐性标准，供参考），不属于第二十八条所列类别。`,
    );
    reasonsEn.push(
      `${gbt35273Only.map((c) => label(c, 'en')).join(', ')}: listed as sensitive by GB/T 35273-2020 Annex B (a recommended standard, advisory), not an Art. 28 class.`,
    );
  }
  if (unknownCategories.length > 0) {
    reasonsZh.push(`未知的数据类别：${unknownCategories.join('、')}，未能判定。`);
    reasonsEn.push(`Unknown data categories, not classified: ${unknownCategories.join(', ')}.`);
  }

  const sensitive = piplClasses.length > 0 || minorsUnder14;
  if (!sensitive && gbt35273Only.length === 0 && unknownCategories.length === 0) {
    reasonsZh.push('所列数据类别均不属于第二十八条所列的敏感个人信息。');
    reasonsEn.push('None of the data categories is sensitive personal information under Art. 28.');
  }

  const citations: Citation[] = [];
  if (sensitive) citations.push(PIPL.sensitiveDefinition, PIPL.sensitiveConsent);
  if (minorsUnder14) citations.push(PIPL.minorsUnder14);
  if (gbt35273Only.length > 0) citations.push(STANDARDS.sensitiveAnnexB);

  return {
    sensitive,
    piplClasses,
    gbt35273Only,
    minorsUnder14,
    unknownCategories,
    citations,
    reasonsZh,
    reasonsEn,
  };
}
