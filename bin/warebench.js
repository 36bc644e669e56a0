#!/usr/bin/env node
// Site IT's command: runs the TypeScript CLI through tsx so the same sources serve the station and the command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli.ts');
process.exitCode = await main(process.argv.slice(2));
