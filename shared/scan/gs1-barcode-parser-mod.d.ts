declare module 'gs1-barcode-parser-mod' {
  export interface ParsedElement {
    ai: string;
    dataTitle: string;
    data: unknown;
    unit: string;
    raw: string;
    isoDate: string;
  }
  export interface ParsedBarcode {
    codeName: string;
    parsedCodeItems: ParsedElement[];
  }
  /** Throws a string (not an Error) when the data is not a GS1 element string it can read. */
  export function parseBarcode(barcode: string): ParsedBarcode;
}
