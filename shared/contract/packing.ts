import { defineCommands } from './define';

export const packingCommands = defineCommands({});
