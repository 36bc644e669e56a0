/** The station's link to its central server: the port the core uses, the link boot makes, enrollment, the sync commands. */

export { EnrollError, enroll } from './enroll';
export { syncHandlers } from './handlers';
export { type StationSync, standaloneSync } from './port';
export { connectServer, type ServerConnection } from './server-link';
