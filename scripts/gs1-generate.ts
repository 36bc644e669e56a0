/** Regenerates shared/scan/gs1/ai-table.generated.ts from GS1's Barcode Syntax Dictionary in resources/gs1. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAiTable } from '../shared/scan/gs1/dictionary';

const dictionary = fileURLToPath(new URL('../resources/gs1/gs1-syntax-dictionary.txt', import.meta.url));
const table = fileURLToPath(new URL('../shared/scan/gs1/ai-table.generated.ts', import.meta.url));

writeFileSync(table, renderAiTable(readFileSync(dictionary, 'utf8')));
process.stdout.write(`wrote ${table}\n`);
