import { readdir, readFile, stat } from 'node:fs/promises';
import type { DoctorCheck } from './check';

export interface SerialAccessEnv {
  platform: NodeJS.Platform;
  uid: number;
  /** Group ids of this process. */
  groups: number[];
  /** Default /etc/group. */
  groupFile?: string;
  /** Default /dev. */
  devDir?: string;
}

const SERIAL_NODE = /^tty(USB|ACM)\d+$/;
const SERIAL_GROUPS = ['dialout', 'uucp'];

async function groupsByName(file: string): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , gid] = line.split(':');
    if (name && gid && /^\d+$/.test(gid)) map.set(name, Number(gid));
  }
  return map;
}

/** On Linux, serial ports belong to group dialout (uucp on some systems): the station user must be in it. */
export async function checkSerialAccess(env: SerialAccessEnv): Promise<DoctorCheck> {
  const base = { id: 'serial-access', title: 'serial port access' };
  if (env.platform !== 'linux') return { ...base, ok: true, detail: `no group membership needed on ${env.platform}` };
  if (env.uid === 0) return { ...base, ok: true, detail: 'running as root' };
  const names = await groupsByName(env.groupFile ?? '/etc/group');
  const wanted = new Map<number, string>();
  for (const name of SERIAL_GROUPS) {
    const gid = names.get(name);
    if (gid !== undefined) wanted.set(gid, name);
  }
  const devDir = env.devDir ?? '/dev';
  const nodes = (await readdir(devDir).catch(() => [])).filter((name) => SERIAL_NODE.test(name));
  for (const node of nodes) {
    const info = await stat(`${devDir}/${node}`).catch(() => undefined);
    if (info) wanted.set(info.gid, [...names].find(([, gid]) => gid === info.gid)?.[0] ?? String(info.gid));
  }
  const member = [...wanted].find(([gid]) => env.groups.includes(gid));
  if (member) return { ...base, ok: true, detail: `member of group ${member[1]}` };
  const group = wanted.values().next().value ?? 'dialout';
  return {
    ...base,
    ok: false,
    detail: `this user is not in group ${group}, which owns the serial ports`,
    fix: `sudo usermod -aG ${group} "$USER", then log out and back in`,
  };
}
