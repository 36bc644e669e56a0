import pino, { type Logger } from 'pino';

export type { Logger };

/** A logger that writes nothing (tests, benches); the station's own logger is `logging/logger.ts`. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
