import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DoctorCheck } from './check';

export const RULES_FILE = '99-warebench.rules';
export const SHIPPED_RULES_PATH = fileURLToPath(new URL(`../../../../resources/udev/${RULES_FILE}`, import.meta.url));
export const UDEV_RULE_DIRS = ['/etc/udev/rules.d', '/usr/lib/udev/rules.d', '/lib/udev/rules.d'];

const normalise = (text: string): string => text.replace(/\r\n/g, '\n').trim();

/** On Linux, hidraw nodes need udev rules before a non-root station can open POS scales and scanners. */
export async function checkUdevRules(env: { platform: NodeJS.Platform; shipped?: string; dirs?: string[] }): Promise<DoctorCheck> {
  const base = { id: 'udev-rules', title: 'udev rules for HID scales and scanners' };
  if (env.platform !== 'linux') return { ...base, ok: true, detail: `not needed on ${env.platform}` };
  const shippedPath = env.shipped ?? SHIPPED_RULES_PATH;
  const shipped = await readFile(shippedPath, 'utf8').catch(() => undefined);
  if (shipped === undefined)
    return { ...base, ok: false, detail: `the shipped rules file ${shippedPath} is missing`, fix: 'reinstall Warebench' };
  const install = `sudo cp ${shippedPath} /etc/udev/rules.d/${RULES_FILE} && sudo udevadm control --reload-rules && sudo udevadm trigger`;
  for (const dir of env.dirs ?? UDEV_RULE_DIRS) {
    const path = join(dir, RULES_FILE);
    const installed = await readFile(path, 'utf8').catch(() => undefined);
    if (installed === undefined) continue;
    if (normalise(installed) === normalise(shipped)) return { ...base, ok: true, detail: `${path} is installed and current` };
    return { ...base, ok: false, detail: `${path} differs from the rules this version ships`, fix: install };
  }
  return { ...base, ok: false, detail: `${RULES_FILE} is not installed`, fix: install };
}
