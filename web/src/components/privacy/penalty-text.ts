/** Penalty amounts in words (RMB, 万元 in Chinese) for the duties' penalty exposure. */
import type { OrganisationSanctionDto } from '../../api/privacy-client';

/** An amount in RMB: 万元 in Chinese (100万元), RMB 1,000,000 in English. */
export function money(n: number, zh: boolean): string {
  if (!zh) return `RMB ${n.toLocaleString('en')}`;
  return n >= 10_000
    ? `${(n / 10_000).toLocaleString('zh-CN')}万元`
    : `${n.toLocaleString('zh-CN')}元`;
}

/** The fine of one tier in words (e.g. 罚款100万元以下, 5000万元以下或上一年度营业额5%以下), or null. */
export function fineText(o: OrganisationSanctionDto, language: string): string | null {
  const zh = language.startsWith('zh');
  const { fineMinCny: min, fineMaxCny: max, turnoverPercentMax: pct } = o;
  if (max === null && pct === null) return null;
  let range = '';
  if (max !== null)
    range =
      min === null
        ? zh
          ? `${money(max, zh)}以下`
          : `up to ${money(max, zh)}`
        : `${money(min, zh)}—${money(max, zh)}`;
  if (pct !== null)
    range += zh
      ? `${range ? '或' : ''}上一年度营业额${pct}%以下`
      : `${range ? ' or ' : ''}up to ${pct}% of the previous year's turnover`;
  return zh ? `罚款${range}` : `fine ${range}`;
}
