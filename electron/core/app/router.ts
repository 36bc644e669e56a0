import { contract, isCommandName } from '../../../shared/contract';
import type { Access } from '../../../shared/contract/define';
import type { Operator } from '../../../shared/domain/master-data';
import { isMessageCode, type Message, message } from '../../../shared/messages';
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
  if (!operator) return new StationError('not_signed_in', message('session.signInFirst'));
  if (access === 'signed-in') return null;
  if (operator.roles.some((r) => access.includes(r))) return null;
  return new StationError('forbidden', message('errors.forbiddenRole', { name: operator.name }));
}

/** The operator's sentence for invalid input: the first field named by its translated label when it has one. */
function invalidInput(issues: { path: string }[]): Message {
  const field = issues[0]?.path.split('.').at(-1) ?? '';
  const label = `field.${field}`;
  return isMessageCode(label) ? message('errors.invalidField', { field: message(label) }) : message('errors.invalidInput');
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
      if (!isCommandName(command)) return { ok: false, error: { code: 'unknown_command', message: message('errors.unknownCommand') } };
      const def = contract[command];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        return {
          ok: false,
          error: { code: 'invalid_input', message: invalidInput(issues), issues },
        };
      }
      const operator = session();
      const denied = allowed(def.access, operator);
      if (denied) return { ok: false, error: { code: denied.code, message: denied.operatorMessage } };
      try {
        const handler = handlers[command] as (input: unknown, ctx: CallContext) => unknown;
        const answer = await handler(parsed.data, { operator });
        const value = operator ? answer : signedOutView(command, answer);
        const out = def.output.safeParse(value);
        if (!out.success) {
          onInternalError(command, out.error);
          return { ok: false, error: { code: 'internal', message: message('errors.internal') } };
        }
        return { ok: true, value: out.data };
      } catch (error) {
        if (error instanceof StationError) return { ok: false, error: { code: error.code, message: error.operatorMessage } };
        onInternalError(command, error);
        const storage = describeStorageError(error);
        if (storage) return { ok: false, error: { code: 'storage', message: storage } };
        return { ok: false, error: { code: 'internal', message: message('errors.internal') } };
      }
    },
  };
}
