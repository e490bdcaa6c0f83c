import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  AUDIT_ACTION,
  AUDIT_ENTITY,
  AUDIT_FIELD,
  CATEGORY,
  ROLE,
  type Lang,
  type Words,
} from '../../../src/shared/vocabulary';
import { storedLanguage, storeLanguage, type Language } from '../lib/language';
import en from './en.json';
import zhCN from './zh-CN.json';

// dayjs and <html lang> follow i18next synchronously, so DatePickers re-render in the new language.
function syncLanguage(language: string): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

i18n.on('languageChanged', syncLanguage);

/** One language of a vocabulary table, as i18next keys (dotted codes become nested keys). */
function wordsIn(table: Readonly<Record<string, Words>>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, words] of Object.entries(table)) {
    const parts = code.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1) as string] = words[lang];
  }
  return out;
}

/**
 * Labels the server, CLI and reports also show come from the shared vocabulary
 * (src/shared/vocabulary), so they cannot drift: roles, requirement categories and the audit
 * log's actions, entity types and fields.
 */
function withVocabulary<T extends { catalog: object; audit: object }>(json: T, lang: Lang) {
  return {
    ...json,
    role: wordsIn(ROLE, lang),
    catalog: { ...json.catalog, category: wordsIn(CATEGORY, lang) },
    audit: {
      ...json.audit,
      action: wordsIn(AUDIT_ACTION, lang),
      entityType: wordsIn(AUDIT_ENTITY, lang),
      field: wordsIn(AUDIT_FIELD, lang),
    },
  };
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: withVocabulary(zhCN, 'zh') },
    en: { translation: withVocabulary(en, 'en') },
  },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React already escapes
});

syncLanguage(i18n.language);

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}

export default i18n;
