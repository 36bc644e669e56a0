import type { z } from 'zod';
import type { Role } from '../domain/master-data';

/** Who may call a command: anyone at the station, a signed-in operator, or one holding one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
}

export const defineCommands = <T extends Record<string, CommandDef>>(commands: T): T => commands;
export const defineEvents = <T extends Record<string, z.ZodType>>(events: T): T => events;
