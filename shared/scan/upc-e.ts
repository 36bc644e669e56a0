/** UPC-E (8 digits: number system 0/1, 6 data digits, check digit) expanded to its 12-digit UPC-A. */
export function expandUpcE(upcE: string): string | undefined {
  if (!/^[01]\d{7}$/.test(upcE)) return undefined;
  const d = upcE.slice(1, 7);
  const last = d.charAt(5);
  let body: string;
  if (last === '0' || last === '1' || last === '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === '4') body = `${d.slice(0, 4)}00000${d.charAt(4)}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return upcE.charAt(0) + body + upcE.charAt(7);
}
