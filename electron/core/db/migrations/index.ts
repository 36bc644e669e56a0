import type { Migration } from '../migrate';
import { migration as initial } from './0001-initial';

/** Every station schema step, in order. A new step is a new file and one line here. */
export const migrations: readonly Migration[] = [initial];
