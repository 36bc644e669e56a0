import { z } from 'zod';

/** The languages the station's screens are complete in; a station has one, an operator may have their own. */
export const Language = z.enum(['en', 'de', 'es']);
export type Language = z.infer<typeof Language>;

/** Each language by its own name, as the chooser on the sign-in and setup screens shows it. */
export const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch', es: 'Español' };
