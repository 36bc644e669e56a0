import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

/** All UI text goes through i18next; the station's language comes from its config. */
export async function initI18n(language: string): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18next;
}
