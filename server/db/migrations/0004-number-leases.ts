import { runScript, type ServerMigration } from './migration';

/**
 * Number ranges leased to stations: one counter row per (site, kind), taken under its row lock, so two server
 * processes (or one restarted) never lease a number twice; every lease is kept (who holds which block).
 */
export const numberLeases: ServerMigration = {
  version: 4,
  name: 'number-leases',
  up: (db) =>
    runScript(
      db,
      `
CREATE TABLE number_counters (
  site_id text NOT NULL REFERENCES sites(id),
  kind text NOT NULL CHECK (kind IN ('sscc', 'lpn', 'manifest')),
  next_value bigint NOT NULL,
  PRIMARY KEY (site_id, kind)
);
CREATE TABLE number_leases (
  site_id text NOT NULL REFERENCES sites(id),
  kind text NOT NULL,
  first_value bigint NOT NULL,
  last_value bigint NOT NULL CHECK (last_value >= first_value),
  station_id uuid NOT NULL,
  leased_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, kind, first_value)
);
CREATE INDEX number_leases_station ON number_leases (site_id, station_id, kind, leased_at)
`,
    ),
};
