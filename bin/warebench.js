#!/usr/bin/env node
// Site IT's command: runs the TypeScript CLI through tsx so the same sources serve the station and the command.
// The Node check comes first: nothing that could crash on an older Node is loaded before it.
import { ensureSupportedNode } from './supported-node.js';

if (ensureSupportedNode('warebench')) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../electron/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
