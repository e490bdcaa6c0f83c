import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ROLE_LABELS_ZH } from '../../../src/shared/roles';
import { storedLanguage, storeLanguage, type Language } from '../lib/language';
import en from './en.json';
import zhCN from './zh-CN.json';

// dayjs and <html lang> follow i18next synchronously, so DatePickers re-render in the new language.
function syncLanguage(language: string): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

i18n.on('languageChanged', syncLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    // The Chinese role names are the server's (README, CLI): one source, so they cannot drift.
    'zh-CN': { translation: { ...zhCN, role: { ...zhCN.role, ...ROLE_LABELS_ZH } } },
    en: { translation: en },
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
