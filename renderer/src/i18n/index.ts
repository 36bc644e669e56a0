import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { countsMessages } from '../features/counts/messages';
import { diagnosticsMessages } from '../features/diagnostics/messages';
import { handsFreeMessages } from '../features/packing/hands-free-messages';
import { packingMessages } from '../features/packing/messages';
import { receivingMessages } from '../features/receiving/messages';
import { returnsMessages } from '../features/returns/messages';
import { setupMessages } from '../features/setup/messages';
import { approvalMessages } from '../ui/approval-messages';
import { taskMessages } from '../ui/task-messages';
import { codeResources, deCodes, enCodes, esCodes } from './codes';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { CODE_PREFIX } from './messages';

export const languages = ['en', 'de', 'es'] as const;
export type Language = (typeof languages)[number];

const resources = {
  en: {
    translation: {
      ...en,
      numberLocale: 'en-GB',
      [CODE_PREFIX]: codeResources(enCodes),
      ...approvalMessages.en,
      ...taskMessages.en,
      receiving: receivingMessages.en,
      packing: packingMessages.en,
      returns: returnsMessages.en,
      handsFree: handsFreeMessages.en,
      setup: setupMessages.en,
      diagnostics: diagnosticsMessages.en,
      ...countsMessages.en,
    },
  },
  de: {
    translation: {
      ...de,
      numberLocale: 'de-DE',
      [CODE_PREFIX]: codeResources(deCodes),
      ...approvalMessages.de,
      ...taskMessages.de,
      receiving: receivingMessages.de,
      packing: packingMessages.de,
      returns: returnsMessages.de,
      handsFree: handsFreeMessages.de,
      setup: setupMessages.de,
      diagnostics: diagnosticsMessages.de,
      ...countsMessages.de,
    },
  },
  es: {
    translation: {
      ...es,
      numberLocale: 'es-ES',
      [CODE_PREFIX]: codeResources(esCodes),
      ...approvalMessages.es,
      ...taskMessages.es,
      receiving: receivingMessages.es,
      packing: packingMessages.es,
      returns: returnsMessages.es,
      handsFree: handsFreeMessages.es,
      setup: setupMessages.es,
      diagnostics: diagnosticsMessages.es,
      ...countsMessages.es,
    },
  },
};

/** All UI text goes through i18next; the station's language comes from its config. */
export async function initI18n(language: string): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false },
  });
  return i18next;
}
