/**
 * The PIPIA questionnaire (src/catalogs/pipia-questionnaire) as the workflow and the report use
 * it: a version, sections mapped to the report's chapters (3 lawfulness/necessity, 4 impact and
 * risk, 5 measures, after PIPL Art. 56 ¶1 (1)–(3) and GB/T 39335-2020), and questions with the
 * trigger codes they apply to (none: always).
 */
import {
  applicableQuestions as catalogApplicable,
  shippedPipiaQuestionnaire,
  type PipiaQuestionnaire as CatalogQuestionnaire,
} from '../../../catalogs/pipia-questionnaire';

/**
 * Where a section is printed in the report: 1 评估概述 (scope and data mapping), 3 lawfulness and
 * necessity (Art. 56 ¶1 (1), and the sections of the special cases — sensitive information,
 * automated decisions, sharing, abroad, face recognition, other major impact — whose questions
 * are mostly about the legal conditions of that processing), 4 impact and risk (¶1 (2)),
 * 5 measures (¶1 (3)).
 */
export type ReportChapter = 'overview' | 'lawfulness' | 'impact' | 'measures';

export interface PipiaQuestion {
  readonly id: string;
  readonly textZh: string;
  readonly textEn: string;
  /** Trigger codes; the question applies when any of them was found. Empty: always. */
  readonly appliesWhen: readonly string[];
}

export interface PipiaQuestionSection {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly chapter: ReportChapter;
  /** A section of a special case (asked only when its trigger was found). */
  readonly special: boolean;
  readonly questions: readonly PipiaQuestion[];
}

export interface PipiaQuestionnaire {
  readonly version: string;
  /** False when the assessment's version is no longer shipped and the current one stands in. */
  readonly exact: boolean;
  readonly sections: readonly PipiaQuestionSection[];
  readonly questions: readonly PipiaQuestion[];
}

/** The questions that apply when `triggerCodes` were found (the catalog's rule). */
export function applicableQuestions(
  questionnaire: PipiaQuestionnaire,
  triggerCodes: readonly string[],
): PipiaQuestion[] {
  const ids = new Set(
    catalogApplicable(
      { questions: questionnaire.questions } as unknown as CatalogQuestionnaire,
      triggerCodes,
    ).map((q) => q.id),
  );
  return questionnaire.questions.filter((q) => ids.has(q.id));
}

function chapterOf(section: CatalogQuestionnaire['sections'][number]): ReportChapter {
  if (section.art56Item === 1) return 'lawfulness';
  if (section.art56Item === 2) return 'impact';
  if (section.art56Item === 3) return 'measures';
  return section.appliesWhen.length === 0 ? 'overview' : 'lawfulness';
}

function adapt(catalog: CatalogQuestionnaire, version: string): PipiaQuestionnaire {
  const questions = catalog.questions.map((q) => ({
    id: q.id,
    textZh: q.textZh,
    textEn: q.textEn,
    appliesWhen: q.appliesWhen,
    section: q.section,
  }));
  return {
    version,
    exact: version === catalog.version,
    questions,
    sections: catalog.sections.map((s) => ({
      id: s.id,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      chapter: chapterOf(s),
      special: s.art56Item === null && s.appliesWhen.length > 0,
      questions: questions.filter((q) => q.section === s.id),
    })),
  };
}

const cache = new Map<string, PipiaQuestionnaire>();

/**
 * The questionnaire of `version` (the shipped one when omitted). Only the current version ships
 * (src/catalogs/pipia-questionnaire/questionnaire.yaml); an assessment opened under an earlier
 * one is read and checked against the current questions, with `exact` false (an id the current
 * version no longer has is then refused as unknown on edit).
 */
export function pipiaQuestionnaire(version?: string): PipiaQuestionnaire {
  const catalog = shippedPipiaQuestionnaire();
  const wanted = version ?? catalog.version;
  const hit = cache.get(wanted);
  if (hit) return hit;
  const adapted = adapt(catalog, wanted);
  cache.set(wanted, adapted);
  return adapted;
}
