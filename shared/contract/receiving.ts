import { defineCommands } from './define';

export const receivingCommands = defineCommands({});
