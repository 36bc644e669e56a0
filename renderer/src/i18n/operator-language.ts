import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../../shared/domain/language';
import type { Operator } from '../../../shared/domain/master-data';

/**
 * The screen's language: the signed-in operator's own (master data), else the one chosen on the sign-in screen, else
 * the station's. Signing out returns to the station's language, so the next operator starts from it.
 */
export function useOperatorLanguage(operator: Operator | null, stationLocale: string) {
  const { i18n } = useTranslation();
  const [chosen, setChosen] = useState<Language | null>(null);
  const station = Language.safeParse(stationLocale).data ?? 'en';
  const language = operator?.locale ?? chosen ?? station;

  // A chosen language lasts until the sign-out that ends the session it was chosen for.
  const signedIn = operator !== null;
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    if (wasSignedIn.current && !signedIn) setChosen(null);
    wasSignedIn.current = signedIn;
  }, [signedIn]);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return { language, choose: setChosen };
}
