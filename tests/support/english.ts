import type { Message, MessageParam } from '../../shared/messages';
import { loadRendererModule } from './renderer-module';

type CodeText = string | { one: string; other: string };
// The renderer's English texts: the Node project does not type-check renderer files, so they are taken untyped.
const enCodes = (await loadRendererModule('i18n/codes.ts')).enCodes as Record<string, CodeText>;

function param(name: string, value: MessageParam): string {
  if (typeof value === 'object') return english(value);
  if (typeof value === 'number' && name !== 'count') {
    if (name.endsWith('Kg')) return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(value)} kg`;
    if (name.endsWith('G')) return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value)} g`;
    return new Intl.NumberFormat('en-GB').format(value);
  }
  return String(value);
}

/** What an English-speaking operator reads for a core message: the en text of its code, parameters filled in. */
export function english(message: Message | null | undefined): string {
  if (!message) return '';
  const text = enCodes[message.code] ?? message.code;
  const count = message.params?.count;
  const template = typeof text === 'string' ? text : count === 1 ? text.one : text.other;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_all, name: string) => {
    const value = message.params?.[name];
    return value === undefined ? '' : param(name, value);
  });
}
