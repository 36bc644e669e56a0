import type { CommandName, CommandOutput, ParsedInput } from '../../../shared/contract';
import type { Operator } from '../../../shared/domain/master-data';

/** Who calls: the router checked the command's access for this operator before the handler runs. */
export interface CallContext {
  operator: Operator | null;
}

export type Handler<N extends CommandName> = (input: ParsedInput<N>, ctx: CallContext) => CommandOutput<N> | Promise<CommandOutput<N>>;
export type Handlers = { [N in CommandName]: Handler<N> };
/** Handlers of one feature (receiving, packing, ...), merged into the full map by the station. */
export type HandlersFor<Names extends CommandName> = { [N in Names]: Handler<N> };
