/**
 * Code 128 field data for ZPL `^BC`, with explicit subset choice (ZPL invocation codes)
 * so the printed symbol does not depend on printer firmware heuristics.
 *
 * Invocation codes (ZPL II guide, ^BC table): `>:` start B, `>;` start C, `>6` code B (from C),
 * `>8` FNC1, `>0` a literal `>` in subset B.
 */

/** FNC1: marks GS1-128 at the start, separates variable-length element strings inside. */
export const FNC1 = Symbol('FNC1');
export type Code128Token = string | typeof FNC1;

export interface Code128Encoding {
  /** Field data for `^FD` (before ZPL field escaping: may still hold `^`, `~`, `_`). */
  fieldData: string;
  /** Symbol characters including the start character, excluding check character and stop. */
  symbols: number;
}

export class Code128Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Code128Error';
  }
}

function isDigit(token: Code128Token | undefined): token is string {
  return typeof token === 'string' && token >= '0' && token <= '9';
}

function subsetB(char: string): string {
  return char === '>' ? '>0' : char;
}

/** Splits text into one token per character; Code 128 subset B takes printable ASCII only. */
export function code128Tokens(text: string): Code128Token[] {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length !== 1 || code < 0x20 || code > 0x7e) {
      throw new Code128Error(`Code 128 data may hold printable ASCII only; "${text}" has ${JSON.stringify(char)}`);
    }
  }
  return [...text];
}

/**
 * Subset choice: a leading run of digit pairs (FNC1 may sit between them) in subset C when that saves
 * symbols, everything after it in subset B. The symbol never switches from B back to C and never ends
 * with a lone character after a subset switch: real printers read both fine, but the preview renderer
 * (Zebrash) misreads `>5` in subset B and drops a lone last character, and a preview must scan the same
 * as the printed label.
 */
export function encodeCode128(tokens: readonly Code128Token[]): Code128Encoding {
  if (!tokens.some((t) => t !== FNC1)) throw new Code128Error('Code 128 data is empty');
  const pairEnds: number[] = [];
  let i = 0;
  for (;;) {
    if (tokens[i] === FNC1) {
      i++;
    } else if (isDigit(tokens[i]) && isDigit(tokens[i + 1])) {
      i += 2;
      pairEnds.push(i);
    } else {
      break;
    }
  }
  if (tokens.length - (pairEnds.at(-1) ?? 0) === 1) pairEnds.pop();
  const cEnd = pairEnds.at(-1) ?? 0;
  const useC = cEnd > 0 && (pairEnds.length >= 2 || cEnd === tokens.length);

  let out = useC ? '>;' : '>:';
  let symbols = 1;
  let position = 0;
  if (useC) {
    for (; position < cEnd; position++) {
      const token = tokens[position];
      if (token === FNC1) {
        out += '>8';
        symbols++;
      } else if (token !== undefined) {
        const next = tokens[position + 1];
        out += token + (typeof next === 'string' ? next : '');
        symbols++;
        position++;
      }
    }
    if (position < tokens.length) {
      out += '>6';
      symbols++;
    }
  }
  for (; position < tokens.length; position++) {
    const token = tokens[position];
    if (token === undefined) break;
    out += token === FNC1 ? '>8' : subsetB(token);
    symbols++;
  }
  return { fieldData: out, symbols };
}

/** Width of the symbol in modules, quiet zones excluded: symbols + check character at 11 modules, stop at 13. */
export function code128Modules(encoding: Code128Encoding): number {
  return (encoding.symbols + 1) * 11 + 13;
}
