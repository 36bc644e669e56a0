import { expect, type Page, test } from '@playwright/test';
import { DEMO_COMPANY_PREFIX, demo } from '../../shared/demo/dataset';
import { makeGtin14 } from '../../shared/demo/gtin';
import type { MessageCode } from '../../shared/messages';
import { loadRendererModule } from '../support/renderer-module';
import { gs1Date, wedgeScan } from './support/bench-station';
import { type StationProcess, startStationProcess } from './support/station-process';

/**
 * A German dock: every scan answer is German (the words of the answer's code in German, none of the English ones), an
 * operator with Spanish in the master data gets Spanish screens from her sign-in to her sign-out, and an operator may
 * choose a language on the sign-in screen for their session.
 */

test.use({ viewport: { width: 1366, height: 768 } });

const yoghurtCase = makeGtin14(1, DEMO_COMPANY_PREFIX, 2);
const tape = makeGtin14(0, DEMO_COMPANY_PREFIX, 5);

type CodeText = string | { one: string; other: string };
type CodeTexts = Record<string, CodeText>;
/** The screens' words of one language, as far as this spec reads them. */
interface ScreenTexts {
  signin: { title: string };
  home: { receive: string; pack: string; signOut: string };
  scan: { outcome: Record<string, string> };
}

interface Language {
  codes: CodeTexts;
  screen: ScreenTexts;
}

// The renderer's own texts: the Node project does not type-check renderer files, so they are taken untyped.
async function language(name: 'en' | 'de' | 'es'): Promise<Language> {
  const codes = (await loadRendererModule('i18n/codes.ts'))[`${name}Codes`] as CodeTexts;
  const screen = (await loadRendererModule(`i18n/${name}.ts`))[name] as ScreenTexts;
  return { codes, screen };
}
const [english, german, spanish] = await Promise.all([language('en'), language('de'), language('es')]);

let station: StationProcess;

test.beforeAll(async () => {
  station = await startStationProcess({ config: { stationName: 'Tor 3', locale: 'de' } });
});
test.afterAll(async () => {
  await station?.stop();
});

const placeholder = /\{\{\s*\w+\s*\}\}/;
const variants = (text: CodeText): string[] => (typeof text === 'string' ? [text] : [text.one, text.other]);
/** The fixed words of a text: what stays once its parameters are taken out. */
const fixedWords = (template: string): string[] =>
  template
    .split(placeholder)
    .map((part) => part.trim())
    .filter((part) => part.length >= 4);

/** The answer to the last scan is in `language`: its code's text with the parameters filled in, and no English text of that code. */
async function expectAnswerIn(page: Page, language: Language): Promise<MessageCode> {
  const banner = page.getByTestId('scan-feedback');
  await expect(banner).toHaveAttribute('data-code', /.+/);
  const code = (await banner.getAttribute('data-code')) as MessageCode;
  const outcome = (await banner.getAttribute('data-outcome')) ?? '';
  const words = (await banner.locator('.feedback__message').textContent()) ?? '';

  const own = language.codes[code];
  const inEnglish = english.codes[code];
  if (own === undefined || inEnglish === undefined) throw new Error(`no text for ${code}`);
  const matches = variants(own).some((template) => fixedWords(template).every((part) => words.includes(part)));
  expect(matches, `"${words}" is not the text of ${code}`).toBe(true);
  if (language !== english) {
    const ownWords = variants(own).join(' ');
    const englishOnly = variants(inEnglish)
      .flatMap(fixedWords)
      .filter((part) => part.length >= 8 && !ownWords.includes(part));
    for (const part of englishOnly) expect(words, `English text on a translated screen (${code})`).not.toContain(part);
  }
  await expect(banner.locator('.feedback__outcome')).toHaveText(language.screen.scan.outcome[outcome] ?? '');
  return code;
}

test('a German dock answers every scan in German; amber for a held lot; unknown documents and barcodes are refused in German', async ({
  page,
}) => {
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: german.screen.signin.title })).toBeVisible();
  await page.getByTestId('badge-input').fill(demo.badges.receiver);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Hallo, Ana Silva' })).toBeVisible();
  await page.getByRole('button', { name: german.screen.home.receive }).click();

  await wedgeScan(page, 'PO-9999');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'refused');
  expect(await expectAnswerIn(page, german)).toBe('errors.notFound');
  await expect(page.getByTestId('scan-feedback')).toContainText('PO-9999');

  await wedgeScan(page, 'ASN-5001');
  await expect(page.getByTestId('receipt-header')).toContainText('PO-1001');
  await expectAnswerIn(page, german);

  // The lot on hold ("Listeria test pending") is taken, onto hold: amber, never green.
  await wedgeScan(page, `01${yoghurtCase}17${gs1Date(40)}10${demo.heldLot.lot}`);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'warning');
  await expect(page.getByTestId('scan-feedback')).toHaveClass(/feedback--warning/);
  await expectAnswerIn(page, german);

  await wedgeScan(page, 'NICHT-BEKANNT-42');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'refused');
  await expectAnswerIn(page, german);

  await page.getByRole('button', { name: german.screen.home.signOut }).click();
  await expect(page.getByRole('heading', { name: german.screen.signin.title })).toBeVisible();
});

test('an operator with Spanish in the master data works in Spanish on the German station until she signs out', async ({ page }) => {
  await page.goto(station.url);
  await page.getByTestId('badge-input').fill(demo.badges.spanishPacker);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Hola, Lucía Romero' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: spanish.screen.home.pack }).click();

  await wedgeScan(page, 'SO-2002');
  await expect(page.getByTestId('pack-order')).toContainText('SO-2002');
  await expectAnswerIn(page, spanish);

  await wedgeScan(page, tape);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-reason', 'wrong_item');
  await expectAnswerIn(page, spanish);

  await page.getByRole('button', { name: spanish.screen.home.signOut }).click();
  await expect(page.getByRole('heading', { name: german.screen.signin.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('a language chosen on the sign-in screen lasts for that session only', async ({ page }) => {
  await page.goto(station.url);
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: english.screen.signin.title })).toBeVisible();
  await expect(page.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('badge-input').fill(demo.badges.receiver);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: english.screen.home.receive })).toBeVisible();
  await page.getByRole('button', { name: english.screen.home.receive }).click();
  await wedgeScan(page, 'PO-9999');
  expect(await expectAnswerIn(page, english)).toBe('errors.notFound');

  await page.getByRole('button', { name: english.screen.home.signOut }).click();
  await expect(page.getByRole('heading', { name: german.screen.signin.title })).toBeVisible();
});
