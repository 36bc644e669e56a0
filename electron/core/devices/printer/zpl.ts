/**
 * Pure ZPL II builder: label description in, ZPL text (or UTF-8 bytes) out.
 * Every piece of caller data goes through `fieldData`, so data can never add, end or change commands.
 */
import { type Code128Encoding, code128Modules, code128Tokens, encodeCode128 } from './code128';
import { type Gs1Element, gs1HumanReadable, gs1Tokens } from './gs1-128';

export type Dpi = 203 | 300;
export type Orientation = 'N' | 'R' | 'I' | 'B';

export interface LabelSetup {
  /** Print width in dots (`^PW`). */
  widthDots: number;
  /** Label length in dots (`^LL`). */
  heightDots: number;
  dpi: Dpi;
  /** Copies of this label (`^PQ`); 1 when absent. */
  copies?: number;
}

export interface TextElement {
  kind: 'text';
  x: number;
  y: number;
  /** Character height in dots (scalable font 0). */
  height: number;
  /** Character width in dots; the height when absent. */
  width?: number;
  text: string;
  orientation?: Orientation;
  /** Print white on black where it overlaps a filled box (`^FR`). */
  reverse?: boolean;
}

export interface BoxElement {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Border thickness in dots; a box as thick as it is high is a filled bar or a line. */
  thickness: number;
  color?: 'B' | 'W';
}

export interface Code128Element {
  kind: 'code128';
  x: number;
  y: number;
  /** Bar height in dots. */
  height: number;
  /** Narrow bar width in dots (`^BY`). */
  moduleWidth: number;
  data: string;
  /** Let the printer print the data under the bars. */
  interpretation?: boolean;
  orientation?: Orientation;
}

export interface Gs1_128Element {
  kind: 'gs1-128';
  x: number;
  y: number;
  height: number;
  moduleWidth: number;
  elements: readonly Gs1Element[];
  /** Human-readable `(AI)value` line under the bars, in this character height (dots). */
  interpretationHeight?: number;
}

export interface QrElement {
  kind: 'qr';
  x: number;
  y: number;
  /** Module size in dots, 1 to 10. */
  magnification: number;
  data: string;
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
}

export interface DataMatrixElement {
  kind: 'datamatrix';
  x: number;
  y: number;
  /** Module size in dots. */
  moduleSize: number;
  /** Printable ASCII without `~` (the ^BX escape character). */
  data: string;
}

export type ZplElement = TextElement | BoxElement | Code128Element | Gs1_128Element | QrElement | DataMatrixElement;

export class ZplBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZplBuildError';
  }
}

const MAX_DOTS = 32_000;

function dots(value: number, what: string, min = 0, max = MAX_DOTS): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ZplBuildError(`${what} must be a whole number of dots from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** Characters that must not reach the printer as they are inside field data. */
function needsHex(code: number): boolean {
  return code === 0x5e /* ^ */ || code === 0x7e /* ~ */ || code === 0x5f /* _ */ || code < 0x20 || code === 0x7f;
}

/**
 * `^FD...^FS` for arbitrary text. `^`, `~`, `_` and control characters become `^FH` hex escapes
 * (`_5E`, `_7E`, `_5F`, `_0A`...), so data can never start a command; other text passes as UTF-8 (`^CI28`).
 */
export function fieldData(text: string): string {
  let escaped = '';
  let hex = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (needsHex(code)) {
      escaped += `_${code.toString(16).toUpperCase().padStart(2, '0')}`;
      hex = true;
    } else {
      escaped += text[i];
    }
  }
  return `${hex ? '^FH' : ''}^FD${escaped}^FS`;
}

export function dotsFromInches(inches: number, dpi: Dpi): number {
  return Math.round(inches * dpi);
}

export function dotsFromMm(mm: number, dpi: Dpi): number {
  return Math.round((mm * dpi) / 25.4);
}

/** Symbol width in dots (quiet zones excluded) of Code 128 data at a module width. */
export function code128WidthDots(encoding: Code128Encoding, moduleWidth: number): number {
  return code128Modules(encoding) * moduleWidth;
}

/** The widest module (at most `preferred`) that keeps the symbol plus 10-module quiet zones within `maxDots`. */
export function fitModuleWidth(encoding: Code128Encoding, maxDots: number, preferred: number): number {
  for (let module = preferred; module > 1; module--) {
    if ((code128Modules(encoding) + 20) * module <= maxDots) return module;
  }
  return 1;
}

function origin(x: number, y: number): string {
  return `^FO${dots(x, 'x')},${dots(y, 'y')}`;
}

function text(el: TextElement): string {
  const height = dots(el.height, 'text height', 10);
  const width = dots(el.width ?? el.height, 'text width', 10);
  return `${origin(el.x, el.y)}^A0${el.orientation ?? 'N'},${height},${width}${el.reverse ? '^FR' : ''}${fieldData(el.text)}`;
}

function box(el: BoxElement): string {
  const thickness = dots(el.thickness, 'box thickness', 1);
  const width = dots(el.width, 'box width', thickness);
  const height = dots(el.height, 'box height', thickness);
  return `${origin(el.x, el.y)}^GB${width},${height},${thickness},${el.color ?? 'B'},0^FS`;
}

function barcode128(
  x: number,
  y: number,
  height: number,
  moduleWidth: number,
  encoding: Code128Encoding,
  interpretation: boolean,
  orientation: Orientation,
): string {
  const module = dots(moduleWidth, 'module width', 1, 10);
  const bars = dots(height, 'bar height', 1);
  return `^BY${module}${origin(x, y)}^BC${orientation},${bars},${interpretation ? 'Y' : 'N'},N,N${fieldData(encoding.fieldData)}`;
}

function code128(el: Code128Element): string {
  const encoding = encodeCode128(code128Tokens(el.data));
  return barcode128(el.x, el.y, el.height, el.moduleWidth, encoding, el.interpretation ?? false, el.orientation ?? 'N');
}

function gs1_128(el: Gs1_128Element): string {
  const encoding = encodeCode128(gs1Tokens(el.elements));
  const bars = barcode128(el.x, el.y, el.height, el.moduleWidth, encoding, false, 'N');
  if (el.interpretationHeight === undefined) return bars;
  const hriHeight = dots(el.interpretationHeight, 'interpretation height', 10);
  // Centred under the bars with a one-line field block as wide as the symbol.
  const width = code128WidthDots(encoding, el.moduleWidth);
  const y = el.y + el.height + Math.round(hriHeight / 3);
  return `${bars}${origin(el.x, y)}^A0N,${hriHeight},${hriHeight}^FB${width},1,0,C,0${fieldData(gs1HumanReadable(el.elements))}`;
}

function qr(el: QrElement): string {
  const magnification = dots(el.magnification, 'QR magnification', 1, 10);
  return `${origin(el.x, el.y)}^BQN,2,${magnification}${fieldData(`${el.errorCorrection ?? 'M'}A,${el.data}`)}`;
}

function dataMatrix(el: DataMatrixElement): string {
  if (!/^[\x20-\x7d]+$/.test(el.data)) {
    throw new ZplBuildError('DataMatrix data may hold printable ASCII without "~" only');
  }
  const size = dots(el.moduleSize, 'DataMatrix module size', 1, 100);
  return `${origin(el.x, el.y)}^BXN,${size},200${fieldData(el.data)}`;
}

function element(el: ZplElement): string {
  switch (el.kind) {
    case 'text':
      return text(el);
    case 'box':
      return box(el);
    case 'code128':
      return code128(el);
    case 'gs1-128':
      return gs1_128(el);
    case 'qr':
      return qr(el);
    case 'datamatrix':
      return dataMatrix(el);
  }
}

/** One label format: `^XA^CI28^PW..^LL..^LH0,0 ... [^PQn] ^XZ`. */
export function buildLabel(setup: LabelSetup, elements: readonly ZplElement[]): string {
  const width = dots(setup.widthDots, 'label width', 1);
  const height = dots(setup.heightDots, 'label length', 1);
  const copies = setup.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99_999) {
    throw new ZplBuildError(`copies must be a whole number from 1 to 99999, got ${copies}`);
  }
  const body = elements.map(element).join('\n');
  return `^XA\n^CI28^PW${width}^LL${height}^LH0,0\n${body}${body ? '\n' : ''}${copies > 1 ? `^PQ${copies}\n` : ''}^XZ\n`;
}

const encoder = new TextEncoder();

/** The bytes sent to the printer: UTF-8, matching `^CI28`. */
export function zplBytes(zpl: string): Uint8Array {
  return encoder.encode(zpl);
}
