/**
 * Wording an organisation may override in its documents (声明, cover lines, agency details, logo)
 * without touching code. Builders ask for a block by key with their own default; keys are
 * `<document>.<block>` and the language is part of the lookup, so zh and en stay separate but
 * side by side (see {@link OVERRIDABLE_BLOCKS}).
 */
import type { Lang, ReportImage } from './model';

export interface DocumentOverrides {
  /** `<document>.<block>.<lang>` → text, e.g. `assessment.statement.zh`. */
  readonly blocks: Readonly<Record<string, string>>;
  readonly logo?: ReportImage;
}

export const NO_OVERRIDES: DocumentOverrides = { blocks: {} };

/** The organisation's text for a block, or the builder's default. */
export function wording(
  overrides: DocumentOverrides | undefined,
  key: string,
  lang: Lang,
  fallback: string,
): string {
  const text = overrides?.blocks[`${key}.${lang}`];
  return text !== undefined && text.trim() !== '' ? text : fallback;
}

/** A block a user can override, with the builder's default text in both languages. */
export interface OverridableBlock {
  /** `<document>.<block>`, e.g. `assessment.statement`. */
  readonly key: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly defaults: { readonly zh: string; readonly en: string };
  readonly multiline?: boolean;
}
