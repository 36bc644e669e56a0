/**
 * Digital Link test vectors of GS1's Syntax Engine (gs1/gs1-syntax-engine, src/c-lib/dl.c,
 * test_dl_parseDLuri): the URI and the element string it stands for ("^" = FNC1), or "" when the
 * engine refuses it. Vectors for engine options the station does not use (convenience alphas
 * switched off, zero-suppressed GTINs refused) are left out: the station reads both.
 */
import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from '../../../shared/scan';
import { aiEntry } from '../../../shared/scan/gs1/ai-table';

const VECTORS: readonly (readonly [uri: string, expected: string])[] = [
  ['', ''],
  ['ftp://', ''],
  ['http://', ''],
  ['http:///', ''],
  ['http://a', ''],
  ['http://a/', ''],
  ['http://a/b', ''],
  ['http://a/b/', ''],
  ['http://a/00/006141411234567890', '^00006141411234567890'],
  ['HTTP://a/00/006141411234567890', '^00006141411234567890'],
  ['https://a/00/006141411234567890', '^00006141411234567890'],
  ['HTTPS://a/00/006141411234567890', '^00006141411234567890'],
  ['HtTp://a/b/00/006141411234567890', ''],
  ['https://00/006141411234567890', ''],
  ['https://a/01/12312312312333', '^0112312312312333'],
  ['https://xn--fsq.xn--0zwm56d/01/12312312312333', '^0112312312312333'],
  ['https://a./01/12312312312333', '^0112312312312333'],
  ['https://a:65535/01/12312312312333', '^0112312312312333'],
  ['https://192.0.2.1/01/12312312312333', '^0112312312312333'],
  ['https://[2001:db8::1]/01/12312312312333', '^0112312312312333'],
  ['https://$a/006141411234567890', ''],
  ['https://a/stem/00/006141411234567890', '^00006141411234567890'],
  ['https://a/more/stem/00/006141411234567890', '^00006141411234567890'],
  ['https://a/00/faux/00/006141411234567890', '^00006141411234567890'],
  ['https://a/01/2112345678900', '^0102112345678900'],
  ['https://a/01/416000336108', '^0100416000336108'],
  ['https://a/01/02345673', '^0100000002345673'],
  ['https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ', '^011231231231233322TEST^10ABC^21XYZ'],
  ['https://a/01/12312312312333/235/TEST', '^0112312312312333235TEST'],
  ['https://a/253/1231231231232', '^2531231231231232'],
  ['https://a/253/1231231231232TEST5678901234567', '^2531231231231232TEST5678901234567'],
  ['https://a/253/1231231231232TEST56789012345678', ''],
  ['https://a/8018/123456789012345675/8019/123', '^8018123456789012345675^8019123'],
  ['https://a/stem/00/006141411234567890/', ''],
  ['https://a/stem/00/006141411234567890?', '^00006141411234567890'],
  ['https://a/stem/00/006141411234567890?99=ABC', '^0000614141123456789099ABC'],
  ['https://a/stem/401/12345678?99=ABC', '^40112345678^99ABC'],
  ['https://a/01/12312312312333?99=ABC&98=XYZ', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333?99=', ''],
  ['https://a/01/12312312312333?99=ABC&999=faux', ''],
  ['https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333?unknown1=555&99=ABC&unknown2=666&98=XYZ&unknown3=777', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333?singleton1&99=ABC&singleton2&98=XYZ&singleton3', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987', '^011231231231233322ABC-123^99ABC^98XYZ/987'],
  ['https://a/01/12312312312333/22/ABC+123?99=ABC&98=XYZ%2f987', '^011231231231233322ABC+123^99ABC^98XYZ/987'],
  ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987', ''],
  ['https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment', '^011231231231233322test^10abc^21xyz'],
  ['https://a/stem/00/006141411234567890?99=ABC#fragment', '^0000614141123456789099ABC'],
  ['https://id.gs1.org/01/09520123456788', '^0109520123456788'],
  ['https://brand.example.com/some-extra/pathinfo/01/9520123456788', '^0109520123456788'],
  ['https://id.gs1.org/01/09520123456788/22/2A', '^0109520123456788222A'],
  ['https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426', '^010952012345678810ABC1^2112345^17180426'],
  ['https://example.com/01/9520123456788?3103=000195&3922=0299&17=201225', '^0109520123456788310300019539220299^17201225'],
  ['https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123', '^0095201234567891234502095201234567883725^10ABC123'],
  ['https://id.gs1.org/414/9520123456788/254/32a%2Fb', '^414952012345678825432a/b'],
  ['https://example.com/8004/9520614141234567?01=9520123456788', '^80049520614141234567^0109520123456788'],
  ['https://example.com/01/09520123456788?10=ABC123', ''],
  ['https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123', '^0109520123456788235XYZ^10ABC123'],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788', ''],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123', ''],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789', ''],
  ['https://example.com/01/09520123456788/89/ABC123?99=XYZ', ''],
  ['https://example.com/01/09520123456788?99=XYZ&89=ABC123', ''],
];

/** The element string in the engine's notation: "^" first, and after each element that needs FNC1 except the last. */
function asElementString(elements: readonly { ai: string; value: string }[]): string {
  return `^${elements.map((e, i) => `${e.ai}${e.value}${aiEntry(e.ai)?.fnc1 && i < elements.length - 1 ? '^' : ''}`).join('')}`;
}

describe("GS1 Syntax Engine's Digital Link vectors", () => {
  it.each(VECTORS)('%s -> %s', (uri, expected) => {
    const result = parseDigitalLink(uri, { currentYear: 2024 });
    if (expected === '') expect(result === undefined || !result.ok, JSON.stringify(result)).toBe(true);
    else expect(result?.ok ? asElementString(result.elements) : result).toBe(expected);
  });
});
