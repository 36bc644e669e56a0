import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { connect } from 'node:net';
import type { DeviceConfig } from '../config';
import { hidLabel, pickHidDevice } from '../io/hid';
import { type DoctorCheck, errorCode, errorText } from './check';

const TIMEOUT_MS = 2000;

function tcpReachable(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`no answer within ${TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' }));
    }, TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function lpstat(queue: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('lpstat', ['-p', queue], { timeout: TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

async function checkOne(device: DeviceConfig): Promise<Omit<DoctorCheck, 'id' | 'title'>> {
  const t = device.transport;
  switch (t.type) {
    case 'sim':
      return { ok: true, detail: 'simulator' };
    case 'serial':
      try {
        await access(t.path, constants.R_OK | constants.W_OK);
        return { ok: true, detail: `${t.path} is present and writable` };
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          return {
            ok: false,
            detail: `${t.path} does not exist`,
            fix: 'plug the device in, or run `warebench devices` to find its port and correct the config',
          };
        }
        return { ok: false, detail: `${t.path}: ${errorText(error)}`, fix: 'add this user to group dialout (see "serial port access")' };
      }
    case 'hid':
      try {
        const hid = await import('node-hid');
        const found = pickHidDevice(await hid.devicesAsync(), t);
        if (found) return { ok: true, detail: `${hidLabel(t)} found at ${found.path ?? '?'}` };
        return {
          ok: false,
          detail: `${hidLabel(t)} not found`,
          fix: 'plug it in; check vendor/product id and usage page with `warebench devices`',
        };
      } catch (error) {
        return { ok: false, detail: `cannot enumerate HID devices: ${errorText(error)}`, fix: 'see "HID library"' };
      }
    case 'tcp':
      try {
        await tcpReachable(t.host, t.port);
        return { ok: true, detail: `${t.host}:${t.port} accepts connections` };
      } catch (error) {
        return {
          ok: false,
          detail: `${t.host}:${t.port}: ${errorText(error)}`,
          fix: 'check that the printer is on and on the network, and its IP address and port (9100)',
        };
      }
    case 'cups':
      try {
        const out = await lpstat(t.queue);
        if (/disabled/i.test(out)) return { ok: false, detail: out.trim(), fix: `sudo cupsenable ${t.queue}` };
        return { ok: true, detail: out.trim() || `queue ${t.queue} exists` };
      } catch (error) {
        if (errorCode(error) === 'ENOENT')
          return { ok: false, detail: 'lpstat not found', fix: 'install the CUPS client (Debian/Ubuntu: sudo apt install cups-client)' };
        return {
          ok: false,
          detail: `queue ${t.queue}: ${errorText(error).trim()}`,
          fix: `create the queue: lpadmin -p ${t.queue} -E -v socket://PRINTER:9100`,
        };
      }
    case 'win-print':
      if (process.platform === 'win32') return { ok: true, detail: `Windows printer "${t.printer}" (not probed)` };
      return { ok: false, detail: 'win-print only works on Windows', fix: 'use a cups or tcp transport on this system' };
  }
}

/** Checks that each enabled configured device can be reached, without opening it (a running station may hold it). */
export async function checkConfiguredDevices(devices: DeviceConfig[]): Promise<DoctorCheck[]> {
  return Promise.all(
    devices
      .filter((device) => device.enabled)
      .map(async (device) => ({
        id: `device:${device.id}`,
        title: `${device.kind} "${device.id}" (${device.role})`,
        ...(await checkOne(device)),
      })),
  );
}
