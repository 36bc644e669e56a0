/** Station setup: the wizard's commands, launch options, credentials, busy probes and diagnostics. */

export { type BusyProbe, type BusyProbes, createBusyProbes } from './busy';
export { writeStationConfig } from './config-file';
export { type CredentialStore, configFileCredentials, keychainCredentials } from './credentials';
export { type Enroller, type Enrollment, type EnrollRequest, syncEnroller } from './enroll-link';
export { type SetupOptions, setupHandlers } from './handlers';
export { type LaunchOptions, LaunchOptionsError, mergeStationConfig, parseLaunchOptions } from './launch-options';
