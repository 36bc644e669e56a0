import { describe, expect, it } from 'vitest';
import { MessageCode } from '../../shared/messages';
import { OpKind, RejectionCode } from '../../shared/sync-protocol';
import { fn, loadRendererModule } from '../support/renderer-module';

const { en } = await loadRendererModule('i18n/en.ts');
const { de } = await loadRendererModule('i18n/de.ts');
const { es } = await loadRendererModule('i18n/es.ts');
const { setupMessages } = (await loadRendererModule('features/setup/messages.ts')) as {
  setupMessages: Record<'en' | 'de' | 'es', unknown>;
};
const { handsFreeMessages } = (await loadRendererModule('features/packing/hands-free-messages.ts')) as {
  handsFreeMessages: Record<'en' | 'de' | 'es', unknown>;
};
const codes = (await loadRendererModule('i18n/codes.ts')) as {
  enCodes: Record<string, unknown>;
  deCodes: Record<string, unknown>;
  esCodes: Record<string, unknown>;
  codeResources: (texts: Record<string, unknown>) => Record<string, unknown>;
};
const { returnsMessages } = (await loadRendererModule('features/returns/messages.ts')) as {
  returnsMessages: Record<'en' | 'de' | 'es', unknown>;
};
const { diagnosticsMessages } = (await loadRendererModule('features/diagnostics/messages.ts')) as {
  diagnosticsMessages: Record<'en' | 'de' | 'es', unknown>;
};
const { taskMessages } = (await loadRendererModule('ui/task-messages.ts')) as {
  taskMessages: Record<'en' | 'de' | 'es', unknown>;
};
const { countsMessages } = (await loadRendererModule('features/counts/messages.ts')) as {
  countsMessages: Record<'en' | 'de' | 'es', unknown>;
};

/** Flattens nested messages to "a.b.c" -> text. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [key, text] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Words that are the same in every language here: product and technology names, units.
const sameEverywhere =
  /^(Warebench|Scan|Server|Station|Name|Node\.js|Electron|Chromium|SQLite|System|Info|Debug|Error|error|online|offline|Mettler Toledo MT-SICS|NCI \/ Weigh-Tronix 3825|Scanner|no|SSCC|LPN|PIN|OK|Barcode)$/;

const sets = [
  { name: 'UI', en, others: { de, es } },
  { name: 'setup', en: setupMessages.en, others: { de: setupMessages.de, es: setupMessages.es } },
  { name: 'returns', en: returnsMessages.en, others: { de: returnsMessages.de, es: returnsMessages.es } },
  { name: 'hands-free', en: handsFreeMessages.en, others: { de: handsFreeMessages.de, es: handsFreeMessages.es } },
  { name: 'diagnostics', en: diagnosticsMessages.en, others: { de: diagnosticsMessages.de, es: diagnosticsMessages.es } },
  { name: 'task layout', en: taskMessages.en, others: { de: taskMessages.de, es: taskMessages.es } },
  { name: 'counts, inspection, camera', en: countsMessages.en, others: { de: countsMessages.de, es: countsMessages.es } },
  {
    name: 'message codes',
    en: codes.codeResources(codes.enCodes),
    others: { de: codes.codeResources(codes.deCodes), es: codes.codeResources(codes.esCodes) },
  },
];

/** A text that is only placeholders, numbers and signs (e.g. "{{count}} × {{sku}}") reads the same in every language. */
const onlyPlaceholders = (text: string) => !/\p{L}/u.test(text.replace(/\{\{\s*\w+\s*\}\}/g, ''));

describe('message codes', () => {
  for (const [language, texts] of Object.entries({ en: codes.enCodes, de: codes.deCodes, es: codes.esCodes })) {
    it(`every message code the core may send has a ${language} text`, () => {
      const missing = MessageCode.options.filter((code) => {
        const text = texts[code];
        if (typeof text === 'string') return text.trim() === '';
        const forms = text as { one?: string; other?: string } | undefined;
        return !forms?.one?.trim() || !forms.other?.trim();
      });
      expect(missing, `${language}: codes without a text`).toEqual([]);
      expect(Object.keys(texts).sort()).toEqual([...MessageCode.options].sort());
    });
  }
});

describe('translations', () => {
  for (const set of sets) {
    for (const [language, messages] of Object.entries(set.others)) {
      it(`${set.name} in ${language}: same keys and placeholders as English, every text translated`, () => {
        const source = flatten(set.en);
        const target = flatten(messages);
        expect([...target.keys()].sort()).toEqual([...source.keys()].sort());
        const untranslated: string[] = [];
        for (const [key, english] of source) {
          const text = target.get(key) ?? '';
          expect(text.trim().length, `${language} ${key} is empty`).toBeGreaterThan(0);
          expect(placeholders(text), `${language} ${key} placeholders`).toEqual(placeholders(english));
          if (text === english && !sameEverywhere.test(english) && !onlyPlaceholders(english)) untranslated.push(key);
        }
        expect(untranslated, `${language}: still English`).toEqual([]);
      });
    }
  }
});

describe("what the server refused, in the operator's words", () => {
  it('every op kind and every refusal code has a sentence, and unknown ones ask site IT instead of showing the code', async () => {
    const { createInstance } = await import('i18next');
    const refusals = await loadRendererModule('features/sync/refusals.ts');
    const opKindText = fn<[unknown, string], string>(refusals, 'opKindText');
    const refusalText = fn<[unknown, string | null], string>(refusals, 'refusalText');
    for (const [language, messages] of Object.entries({ en, de, es })) {
      const i18n = createInstance();
      await i18n.init({ lng: language, resources: { [language]: { translation: messages as Record<string, unknown> } } });
      const said = new Set<string>();
      for (const kind of OpKind.options) {
        const text = opKindText(i18n.t, kind);
        expect(text, `${language} ${kind}`).not.toContain(kind);
        expect(text, `${language} ${kind}`).not.toContain('sync.');
        said.add(text);
      }
      expect(said.size, `${language}: one name per op kind`).toBe(OpKind.options.length);
      for (const code of RejectionCode.options) {
        const text = refusalText(i18n.t, code);
        expect(text, `${language} ${code}`).not.toContain(code);
        expect(text, `${language} ${code}`).not.toContain('sync.');
      }
      const other = refusalText(i18n.t, 'some_future_code');
      expect(other).toBe(i18n.t('sync.refusedOther'));
      expect(refusalText(i18n.t, null)).toBe(other);
      expect(opKindText(i18n.t, 'some.future.kind')).toBe(i18n.t('sync.opOther'));
    }
  });
});
