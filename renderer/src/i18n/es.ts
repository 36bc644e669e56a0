import type { Messages } from './en';
import { en } from './en';

/** Spanish UI text (to be translated; English until then). */
export const es: Messages = en;
