import type { ErrorCode } from '../../../shared/rpc';

/** An error a handler throws on purpose: its code and message reach the operator as they are. */
export class StationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StationError';
  }
}

export const ruleError = (message: string) => new StationError('rule', message);
export const notFound = (message: string) => new StationError('not_found', message);
export const conflict = (message: string) => new StationError('conflict', message);
