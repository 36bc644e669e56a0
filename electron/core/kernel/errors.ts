import { type Message, type MessageCode, type MessageParam, message } from '../../../shared/messages';
import type { ErrorCode } from '../../../shared/rpc';

type Params = Record<string, MessageParam>;

/**
 * An error a handler throws on purpose: its class (`code`) and the message the operator reads, as a code the
 * screen translates. `Error.message` holds the message code, for logs.
 */
export class StationError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly operatorMessage: Message,
  ) {
    super(operatorMessage.code);
    this.name = 'StationError';
  }
}

export const ruleError = (code: MessageCode, params?: Params) => new StationError('rule', message(code, params));
export const notFound = (code: MessageCode, params?: Params) => new StationError('not_found', message(code, params));
export const conflict = (code: MessageCode, params?: Params) => new StationError('conflict', message(code, params));
