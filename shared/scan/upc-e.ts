import { computeCheckDigit } from './check-digit';

/**
 * UPC-E expanded to its 12-digit UPC-A: 8 digits (number system 0/1, 6 data digits, check digit), or
 * the 6 data digits alone as some scanners send them (number system 0, check digit computed).
 * Undefined when the data is neither, or when an 8-digit form's check digit is not the UPC-A's.
 */
export function expandUpcE(upcE: string): string | undefined {
  if (/^\d{6}$/.test(upcE)) {
    const data = `0${expandDigits(upcE)}`;
    return data + String(computeCheckDigit(data));
  }
  if (!/^[01]\d{7}$/.test(upcE)) return undefined;
  return upcE.charAt(0) + expandDigits(upcE.slice(1, 7)) + upcE.charAt(7);
}

function expandDigits(d: string): string {
  const last = d.charAt(5);
  if (last === '0' || last === '1' || last === '2') return `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  if (last === '3') return `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  if (last === '4') return `${d.slice(0, 4)}00000${d.charAt(4)}`;
  return `${d.slice(0, 5)}0000${last}`;
}
