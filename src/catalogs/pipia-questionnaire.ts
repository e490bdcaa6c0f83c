/**
 * Loads and validates the PIPIA questionnaire (src/catalogs/pipia-questionnaire/
 * questionnaire.yaml): sections following PIPL Art. 56 and GB/T 39335-2020, questions with the
 * Art. 55 triggers that make them apply, and the likelihood × impact → risk-level matrix.
 *
 * Validation is whole-or-nothing and reports every problem with its data path and line: schema,
 * then cross-checks — version and changelog; section ids unique; question ids unique and
 * starting with their section's id; every section has questions; every trigger code has at least
 * one question; the three contents of Art. 56 ¶1 each have a section; the risk matrix is
 * monotone (a more likely or more harmful event is never a lower risk).
 */
import { fileURLToPath } from 'node:url';
import { PIPIA_RISK_LEVELS, type PipiaRiskLevel } from '../shared/privacy-schemas';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import type { Verification } from './knowledge-base.schema';
import {
  PIPIA_IMPACTS,
  PIPIA_LIKELIHOODS,
  PipiaQuestionnaireFileSchema,
  QUESTIONNAIRE_TRIGGER_CODES,
  type PipiaImpact,
  type PipiaLikelihood,
  type PipiaQuestionnaireFile,
  type QuestionnaireTriggerCode,
} from './pipia-questionnaire.schema';
import {
  checkSchema,
  parseYaml,
  problemAt,
  readCatalogFile,
  type Locator,
  type Problem,
  type YamlSource,
} from './validate';

export {
  PIPIA_IMPACTS,
  PIPIA_LIKELIHOODS,
  QUESTIONNAIRE_TRIGGER_CODES,
  type PipiaImpact,
  type PipiaLikelihood,
  type QuestionnaireTriggerCode,
} from './pipia-questionnaire.schema';

/** The shipped data file, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_PIPIA_QUESTIONNAIRE_FILE = fileURLToPath(
  new URL('./pipia-questionnaire/questionnaire.yaml', import.meta.url),
);

type CitationRef = { readonly instrumentId: string; readonly provisionId?: string };

export interface PipiaSection {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** GB/T 39335-2020 clause the section follows (informative), or null. */
  readonly clause: string | null;
  /** PIPL Art. 56 ¶1 item (1–3) the section answers, or null. */
  readonly art56Item: 1 | 2 | 3 | null;
  /** Triggers any of whose questions depend on; [] when the section has an always-asked question. */
  readonly appliesWhen: readonly QuestionnaireTriggerCode[];
}

export interface PipiaQuestion {
  readonly id: string;
  readonly section: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly guidanceZh: string;
  readonly guidanceEn: string;
  /** Trigger codes of which any makes the question apply; [] = always. */
  readonly appliesWhen: readonly QuestionnaireTriggerCode[];
  /** The answer carries a risk level. */
  readonly rated: boolean;
  readonly citations: readonly CitationRef[];
}

export interface PipiaQuestionnaire {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly titleZh: string;
  readonly titleEn: string;
  readonly sections: readonly PipiaSection[];
  readonly questions: readonly PipiaQuestion[];
  readonly riskMatrix: {
    readonly impact: Readonly<
      Record<PipiaImpact, Readonly<Record<PipiaLikelihood, PipiaRiskLevel>>>
    >;
    readonly verification: Verification;
    readonly citations: readonly CitationRef[];
  };
  readonly verification: Verification;
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type PipiaQuestionnaireResult =
  | { readonly ok: true; readonly questionnaire: PipiaQuestionnaire }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the questionnaire file (default: the shipped one). */
export function loadPipiaQuestionnaire(
  file: string = DEFAULT_PIPIA_QUESTIONNAIRE_FILE,
): PipiaQuestionnaireResult {
  return readCatalogFile(
    file,
    'pipia-questionnaire/questionnaire.yaml',
    validatePipiaQuestionnaire,
  );
}

/** Validates the file text (pure; {@link loadPipiaQuestionnaire} reads the file). */
export function validatePipiaQuestionnaire(source: YamlSource): PipiaQuestionnaireResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(PipiaQuestionnaireFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, questionnaire: toQuestionnaire(checked.data) };
}

const rank = (level: PipiaRiskLevel) => PIPIA_RISK_LEVELS.indexOf(level);

function crossCheck(data: PipiaQuestionnaireFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const sections = new Map<string, number>();
  data.sections.forEach((section, i) => {
    const earlier = sections.get(section.id);
    if (earlier !== undefined)
      problems.push(
        problemAt(
          file,
          ['sections', i, 'id'],
          `section ${section.id} is listed twice (first at sections[${earlier}])`,
          locate,
        ),
      );
    else sections.set(section.id, i);
  });
  for (const item of [1, 2, 3] as const)
    if (!data.sections.some((s) => s.art56Item === item))
      problems.push(
        problemAt(file, ['sections'], `no section answers PIPL Art. 56 ¶1 item (${item})`, locate),
      );

  const ids = new Map<string, number>();
  const asked = new Set<string>();
  const triggered = new Set<QuestionnaireTriggerCode>();
  data.questions.forEach((q, i) => {
    const at = (field: string, message: string) =>
      problems.push(problemAt(file, ['questions', i, field], message, locate));
    const earlier = ids.get(q.id);
    if (earlier !== undefined)
      at('id', `question ${q.id} is listed twice (first at questions[${earlier}])`);
    else ids.set(q.id, i);
    if (!sections.has(q.section)) at('section', `${q.section} is not a section id`);
    else if (!q.id.startsWith(`${q.section}.`))
      at('id', `question ids of section ${q.section} must start with "${q.section}."`);
    asked.add(q.section);
    const seen = new Set<string>();
    q.appliesWhen.forEach((code, j) => {
      if (seen.has(code))
        problems.push(
          problemAt(file, ['questions', i, 'appliesWhen', j], `${code} is listed twice`, locate),
        );
      seen.add(code);
      triggered.add(code);
    });
  });
  data.sections.forEach((section, i) => {
    if (!asked.has(section.id))
      problems.push(
        problemAt(file, ['sections', i], `section ${section.id} has no questions`, locate),
      );
  });
  for (const code of QUESTIONNAIRE_TRIGGER_CODES)
    if (!triggered.has(code))
      problems.push(
        problemAt(file, ['questions'], `no question applies when ${code} is triggered`, locate),
      );

  // The matrix: monotone along both axes.
  const m = data.riskMatrix.impact;
  PIPIA_IMPACTS.forEach((impact, r) => {
    PIPIA_LIKELIHOODS.forEach((likelihood, c) => {
      const cell = m[impact][likelihood];
      const left = c > 0 ? m[impact][PIPIA_LIKELIHOODS[c - 1]!] : undefined;
      const below = r > 0 ? m[PIPIA_IMPACTS[r - 1]!][likelihood] : undefined;
      if ((left && rank(cell) < rank(left)) || (below && rank(cell) < rank(below)))
        problems.push(
          problemAt(
            file,
            ['riskMatrix', 'impact', impact, likelihood],
            `${cell} is lower than a less likely or less harmful cell; the matrix must not fall`,
            locate,
          ),
        );
    });
  });
  return problems;
}

function toQuestionnaire(data: PipiaQuestionnaireFile): PipiaQuestionnaire {
  const questions: PipiaQuestion[] = data.questions.map((q) => ({
    id: q.id,
    section: q.section,
    textZh: q.textZh,
    textEn: q.textEn,
    guidanceZh: q.guidanceZh,
    guidanceEn: q.guidanceEn,
    appliesWhen: q.appliesWhen,
    rated: q.rated,
    citations: q.citations,
  }));
  const sections: PipiaSection[] = data.sections.map((s) => {
    const own = questions.filter((q) => q.section === s.id);
    const always = own.some((q) => q.appliesWhen.length === 0);
    const triggers = always
      ? []
      : QUESTIONNAIRE_TRIGGER_CODES.filter((code) => own.some((q) => q.appliesWhen.includes(code)));
    return {
      id: s.id,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      clause: s.clause ?? null,
      art56Item: s.art56Item ?? null,
      appliesWhen: triggers,
    };
  });
  return {
    version: data.version,
    changelog: data.changelog,
    titleZh: data.titleZh,
    titleEn: data.titleEn,
    sections,
    questions,
    riskMatrix: data.riskMatrix,
    verification: data.verification,
    sourceHash: canonicalJsonHash(data),
  };
}

let cached: PipiaQuestionnaire | undefined;

/**
 * The shipped questionnaire, loaded once per process. Throws with every problem listed if the
 * data is invalid; the catalog test makes sure it never is.
 */
export function shippedPipiaQuestionnaire(): PipiaQuestionnaire {
  if (cached !== undefined) return cached;
  const result = loadPipiaQuestionnaire();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the PIPIA questionnaire is invalid:\n${lines.join('\n')}`);
  }
  cached = result.questionnaire;
  return cached;
}

/**
 * The questions that apply to an assessment whose activities have `triggers`: every
 * always-asked question plus those any of whose trigger codes is present, in file order.
 */
export function applicableQuestions(
  questionnaire: PipiaQuestionnaire,
  triggers: readonly string[],
): PipiaQuestion[] {
  const present = new Set(triggers);
  return questionnaire.questions.filter(
    (q) => q.appliesWhen.length === 0 || q.appliesWhen.some((code) => present.has(code)),
  );
}

/** The risk level of a likelihood and an impact, by the questionnaire's matrix. */
export function riskLevelOf(
  questionnaire: PipiaQuestionnaire,
  likelihood: PipiaLikelihood,
  impact: PipiaImpact,
): PipiaRiskLevel {
  return questionnaire.riskMatrix.impact[impact][likelihood];
}

/** A section with its questions, as clients show the questionnaire. */
export interface PipiaSectionWithQuestions extends PipiaSection {
  readonly questions: readonly PipiaQuestion[];
}

/**
 * The questionnaire with each section's questions nested in it (the shape of
 * `GET /api/catalog/pipia-questionnaire`).
 */
export function questionnaireWithSections(questionnaire: PipiaQuestionnaire): {
  readonly version: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly verification: Verification;
  readonly riskMatrix: PipiaQuestionnaire['riskMatrix'];
  readonly sections: readonly PipiaSectionWithQuestions[];
} {
  return {
    version: questionnaire.version,
    titleZh: questionnaire.titleZh,
    titleEn: questionnaire.titleEn,
    verification: questionnaire.verification,
    riskMatrix: questionnaire.riskMatrix,
    sections: questionnaire.sections.map((s) => ({
      ...s,
      questions: questionnaire.questions.filter((q) => q.section === s.id),
    })),
  };
}
