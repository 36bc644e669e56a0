import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, MessageParam } from '../../../shared/messages';

/** Where the translations of message codes live in the i18next resources: `code.<MessageCode>`. */
export const CODE_PREFIX = 'code';

function formatParam(t: TFunction, locale: string, name: string, value: MessageParam): string | number {
  if (typeof value === 'object') return translateMessage(t, value);
  if (typeof value === 'number') {
    if (name === 'count') return value;
    if (name.endsWith('Kg')) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value)} kg`;
    if (name.endsWith('G')) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)} g`;
    return new Intl.NumberFormat(locale).format(value);
  }
  if ((name.endsWith('At') || name.endsWith('Date') || name === 'expiry') && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(date.getTime()))
      return value.length === 10
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
  return value;
}

/** The operator's sentence for a core message, in the language `t` speaks; numbers, weights and dates in its locale. */
export function translateMessage(t: TFunction, message: Message): string {
  const locale = t('numberLocale');
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = formatParam(t, locale, name, value);
  return t(`${CODE_PREFIX}.${message.code}`, params);
}

/** `translateMessage` bound to the current language; re-renders when the language changes. */
export function useMessage(): (message: Message) => string {
  const { t } = useTranslation();
  return useCallback((message: Message) => translateMessage(t, message), [t]);
}
