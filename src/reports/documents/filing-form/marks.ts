/**
 * Option marks as the printed form has them: every option of a question with its code, ■ in
 * front of the chosen ones and □ in front of the others, in the form's order, so a sheet reads
 * like the form ticked by hand. 其他 carries its text, 跨 N 个 its count.
 */
import { FILING_FORM_OPTIONS } from '../../../catalogs/filing-form';
import type { FilingOptionListId } from '../../../shared/filing-profile';
import type { Lang } from '../../model';
import { blank, type Bilingual } from '../labels';

export const CHECKED = '■';
export const UNCHECKED = '□';

/** Space between two options on one line (an ideographic space in Chinese). */
const gap = (lang: Lang) => (lang === 'zh' ? '\u3000' : '  ');

export const box = (checked: boolean): string => (checked ? CHECKED : UNCHECKED);

export interface MarkDetails {
  /** The text of the 其他 option, when chosen. */
  readonly other?: string | null | undefined;
  /** The N of 跨 N 个, for the counted option chosen. */
  readonly count?: number | null | undefined;
}

/**
 * Every option of catalog list `listId`, the `chosen` codes marked. Nothing chosen (the answer is
 * missing) prints the options unmarked followed by the fill-in blank, to tick by hand.
 */
export function optionMarks(
  listId: FilingOptionListId,
  chosen: readonly string[],
  lang: Lang,
  details: MarkDetails = {},
): string {
  const list = FILING_FORM_OPTIONS[listId];
  const parts = list.options.map((o) => {
    const on = chosen.includes(o.code);
    let text = `${box(on)}${o.code} ${o[lang]}`;
    if (on && o.other)
      text += `${lang === 'zh' ? '：' : ': '}${details.other?.trim() || blank(lang)}`;
    if (on && o.counted) {
      text +=
        details.count != null
          ? lang === 'zh'
            ? `，跨${details.count}个`
            : `, ${details.count} of them`
          : lang === 'zh'
            ? `，跨${blank(lang)}个`
            : `, ${blank(lang)}`;
    }
    return text;
  });
  const line = parts.join(gap(lang));
  return chosen.length === 0 ? `${line}\n${blank(lang)}` : line;
}

/** Uncoded choices (是/否, 有/无, 已评审/未评审): each label boxed, the chosen one ■. */
export function choiceMarks(
  choices: readonly Bilingual[],
  chosenIndex: number | null,
  lang: Lang,
): string {
  const line = choices.map((c, i) => `${box(i === chosenIndex)}${c[lang]}`).join(gap(lang));
  return chosenIndex === null ? `${line}\n${blank(lang)}` : line;
}

export const YES_NO: readonly Bilingual[] = [
  { zh: '是', en: 'Yes' },
  { zh: '否', en: 'No' },
];

export const HAVE_NOT: readonly Bilingual[] = [
  { zh: '有', en: 'Yes' },
  { zh: '无', en: 'No' },
];

/** 是/否 (index 0 = yes) of a boolean, null when unknown. */
export const yesNoIndex = (value: boolean | null | undefined): number | null =>
  value === null || value === undefined ? null : value ? 0 : 1;
