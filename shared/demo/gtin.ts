/** GS1 mod-10 check digit of a digit string that lacks it (weights 3,1,3,... from the right). */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-14 from a company prefix and an item reference (indicator 0 = the unit, 1-8 = cases). */
export function makeGtin14(indicator: number, companyPrefix: string, itemRef: number): string {
  const body = `${indicator}${companyPrefix}${String(itemRef).padStart(12 - companyPrefix.length, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}
