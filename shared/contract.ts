import type { z } from 'zod';
import { countsCommands, inspectionCommands } from './contract/counts';
import { devicesCommands } from './contract/devices';
import { packingCommands } from './contract/packing';
import { receivingCommands } from './contract/receiving';
import { returnsCommands } from './contract/returns';
import { setupCommands } from './contract/setup';
import { stationCommands } from './contract/station';
import { syncCommands } from './contract/sync';

/** Every command the renderer (or a test) can send to the station core, with its input and output schema. */
export const contract = {
  ...stationCommands,
  ...devicesCommands,
  ...syncCommands,
  ...receivingCommands,
  ...packingCommands,
  ...returnsCommands,
  ...setupCommands,
  ...countsCommands,
  ...inspectionCommands,
};

export type Contract = typeof contract;
export type CommandName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type CommandInput<N extends CommandName> = z.input<Contract[N]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<N extends CommandName> = z.output<Contract[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Contract[N]['output']>;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(contract, name);
