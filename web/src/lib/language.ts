export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'dengbao.language';

export function storedLanguage(): Language {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'zh-CN';
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** Picks the Chinese or English variant of a bilingual server field. */
export function pick(language: string, zh: string, en: string): string {
  return language === 'en' ? en || zh : zh || en;
}
