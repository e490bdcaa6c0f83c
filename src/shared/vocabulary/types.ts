/** One entry of the vocabulary: the same text in Chinese (first) and English. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}

/** The languages every code has text in. */
export type Lang = 'zh' | 'en';

/** Values a message's `{placeholders}` are filled with. */
export type Params = Readonly<Record<string, string | number>>;

/** A table of codes (without their area prefix) → words. */
export type WordTable = Readonly<Record<string, Words>>;
