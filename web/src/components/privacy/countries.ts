/**
 * ISO 3166-1 alpha-2 countries and regions with their names in the UI language, from the
 * browser's Intl.DisplayNames (CLDR): 德国 DE, 美国 US, 中国香港特别行政区 HK …
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Codes CLDR names that are not countries or regions (unions, private use, unknown). */
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'ZZ',
  'QO',
  'XA',
  'XB',
  'AN',
  'CS',
  'DD',
  'FX',
  'NT',
  'SU',
  'TP',
  'YD',
  'YU',
  'ZR',
  'BU',
]);

const cache = new Map<string, readonly { code: string; name: string }[]>();

function displayNames(language: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language.startsWith('zh') ? 'zh-CN' : 'en'], {
      type: 'region',
      fallback: 'none',
    });
  } catch {
    return null;
  }
}

/** Every country or region the browser can name, sorted by name in the UI language. */
export function countries(language: string): readonly { code: string; name: string }[] {
  const lang = language.startsWith('zh') ? 'zh' : 'en';
  const known = cache.get(lang);
  if (known) return known;
  const names = displayNames(lang);
  const list: { code: string; name: string }[] = [];
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code) || code.startsWith('X') || code.startsWith('Q')) continue;
      let name: string | undefined;
      try {
        name = names?.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code) list.push({ code, name });
    }
  }
  list.sort((x, y) => x.name.localeCompare(y.name, lang === 'zh' ? 'zh-CN' : 'en'));
  cache.set(lang, list);
  return list;
}

/** "德国 DE" (the code alone when the browser cannot name it). */
export function countryLabel(code: string, language: string): string {
  const name = countries(language).find((c) => c.code === code)?.name;
  return name ? `${name} ${code}` : code;
}

/** Options for a Select: label "德国 DE", searchable by name or code. */
export function countryOptions(language: string) {
  return countries(language).map((c) => ({ value: c.code, label: `${c.name} ${c.code}` }));
}
