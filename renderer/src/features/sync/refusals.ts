import type { TFunction } from 'i18next';
import { OpKind, RejectionCode } from '../../../../shared/sync-protocol';

/** An op kind as a translation key: i18next reads dots as nesting, so `receipt.line` is `receipt_line`. */
type Underscored<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;
export type OpKindKey = Underscored<OpKind>;

/** What the station did, in the operator's words; a kind this station does not know is "a station record". */
export function opKindText(t: TFunction, kind: string): string {
  const known = OpKind.safeParse(kind);
  return known.success ? t(`sync.opKinds.${known.data.replaceAll('.', '_')}`) : t('sync.opOther');
}

/** Why the server refused it, in the operator's words; a code this station does not know says to ask site IT. */
export function refusalText(t: TFunction, code: string | null): string {
  const known = RejectionCode.safeParse(code);
  return known.success ? t(`sync.refusals.${known.data}`) : t('sync.refusedOther');
}
