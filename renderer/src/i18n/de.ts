import type { Messages } from './en';
import { en } from './en';

/** German UI text (to be translated; English until then). */
export const de: Messages = en;
