import { createHash } from 'node:crypto';
import type { CarrierLabelRequest, CarrierLabelResponse } from '../../shared/sync-protocol';

/**
 * The carrier-label integration point with a stub carrier account: the tracking number is made from
 * the site, order and carton (the same carton always gets the same number), `WB` + carrier code +
 * 12 digits + a mod-10 check digit. A real carrier adapter replaces this function.
 */
export function stubCarrierLabel(siteId: string, request: CarrierLabelRequest): CarrierLabelResponse {
  const digest = createHash('sha256').update(`${siteId}\u0000${request.orderId}\u0000${request.cartonId}`).digest();
  const digits = [...digest.subarray(0, 12)].map((b) => String(b % 10)).join('');
  const carrierCode = request.carrier
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'X');
  const tracking = `WB${carrierCode}${digits}${mod10(digits)}`;
  return { tracking, zpl: labelZpl(tracking, request) };
}

function mod10(digits: string): number {
  const sum = [...digits].reverse().reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** Field data goes through ^FH hex escapes so `^`, `~` and `_` in an address cannot change the label program. */
function field(text: string): string {
  return text.replace(/[_^~]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function labelZpl(tracking: string, r: CarrierLabelRequest): string {
  const to = r.shipTo;
  const lines = [to.name, to.company, to.street1, to.street2, `${to.postalCode} ${to.city} ${to.region}`.trim(), to.country].filter(
    Boolean,
  );
  return [
    '^XA^PW812^LL1218^CI28',
    `^FO40,40^A0N,40,40^FH^FD${field(`${r.carrier} ${r.service}`)}^FS`,
    `^FO40,100^A0N,30,30^FH^FD${field(`${(r.weightG / 1000).toFixed(2)} kg`)}^FS`,
    ...lines.map((line, i) => `^FO40,${200 + i * 40}^A0N,34,34^FH^FD${field(line)}^FS`),
    `^FO40,560^BY3^BCN,200,Y,N,N^FD${tracking}^FS`,
    `^FO40,840^A0N,28,28^FH^FD${field(`order ${r.orderId} carton ${r.cartonId}`)}^FS`,
    '^XZ',
  ].join('\n');
}
