// A stand-in Electron distribution for packaging checks on machines without the Electron binary
// (electron-builder's `electronDist`). It has what the Linux `dir` target copies and renames: an executable
// `electron` and a `resources/` folder; the executable carries Electron's fuse wire, so the fuses electron-builder
// flips at pack time can be read back.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Marks the fuse wire in every Electron binary (from @electron/fuses). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's shipped defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges. */
const DEFAULT_WIRE = '10110001';

export function makeStubElectronDist(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stub Electron: packaging checks only; this app cannot run" >&2\nexit 1\n# ');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'ascii'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '0.0.0-stub');
  writeFileSync(join(dir, 'LICENSE'), 'stub');
  return dir;
}
