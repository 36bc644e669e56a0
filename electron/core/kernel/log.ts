import pino, { type Logger } from 'pino';

/**
 * The one logger of the core, its devices and the embedded server: pino's, so the embedded Fastify server takes it
 * as it is. The station's own (rotating files, secrets redacted) is made in `log-file.ts`.
 */
export type { Logger };

/** A logger that writes nothing (tests, benches, parts used on their own). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
