import { contract, isCommandName } from '../../../shared/contract';
import type { Access } from '../../../shared/contract/define';
import type { Operator } from '../../../shared/domain/master-data';
import { describeIssues, type Result } from '../../../shared/rpc';
import { StationError } from '../kernel/errors';
import type { CallContext, Handlers } from '../kernel/handlers';
import { describeStorageError } from '../storage/storage-errors';

export type { CallContext, Handler, Handlers, HandlersFor } from '../kernel/handlers';

export interface Router {
  call(command: string, input: unknown): Promise<Result<unknown>>;
}

function allowed(access: Access, operator: Operator | null): StationError | null {
  if (access === 'public') return null;
  if (!operator) return new StationError('not_signed_in', 'Sign in first: scan your badge.');
  if (access === 'signed-in') return null;
  if (operator.roles.some((r) => access.includes(r))) return null;
  return new StationError(
    'forbidden',
    `This needs a ${access.join(' or ')}; ${operator.name} is signed in as ${operator.roles.join(', ')}.`,
  );
}

/**
 * Validates input against the contract, checks access, calls the handler, validates its output.
 * Whatever happens, the answer is a Result: nothing throws past the router.
 */
export function createRouter(
  handlers: Handlers,
  session: () => Operator | null,
  onInternalError: (command: string, error: unknown) => void,
  /** What a caller with nobody signed in sees of an answer: a reduced view, or a StationError thrown. */
  signedOutView: (command: string, value: unknown) => unknown = (_command, value) => value,
): Router {
  return {
    async call(command, input) {
      if (!isCommandName(command))
        return { ok: false, error: { code: 'unknown_command', message: `Unknown command "${String(command).slice(0, 100)}".` } };
      const def = contract[command];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        return {
          ok: false,
          error: { code: 'invalid_input', message: `${command}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues },
        };
      }
      const operator = session();
      const denied = allowed(def.access, operator);
      if (denied) return { ok: false, error: { code: denied.code, message: denied.message } };
      try {
        const handler = handlers[command] as (input: unknown, ctx: CallContext) => unknown;
        const answer = await handler(parsed.data, { operator });
        const value = operator ? answer : signedOutView(command, answer);
        const out = def.output.safeParse(value);
        if (!out.success) {
          onInternalError(command, out.error);
          return {
            ok: false,
            error: { code: 'internal', message: `${command} produced an answer the contract does not allow; the problem is logged.` },
          };
        }
        return { ok: true, value: out.data };
      } catch (error) {
        if (error instanceof StationError) return { ok: false, error: { code: error.code, message: error.message } };
        onInternalError(command, error);
        const storage = describeStorageError(error);
        if (storage) return { ok: false, error: { code: 'storage', message: storage } };
        return {
          ok: false,
          error: { code: 'internal', message: `${command} failed: ${error instanceof Error ? error.message : String(error)}` },
        };
      }
    },
  };
}
