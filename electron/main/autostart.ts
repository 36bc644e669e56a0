import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';

/**
 * Kiosk stations start with the operator's session. Windows and macOS use the login items;
 * Linux desktops read `~/.config/autostart/*.desktop` (XDG autostart).
 */
export function applyAutostart(enabled: boolean): void {
  if (process.platform === 'linux') {
    const dir = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
    const file = join(dir, 'warebench.desktop');
    if (!enabled) {
      rmSync(file, { force: true });
      return;
    }
    const executable = process.env.APPIMAGE ?? process.execPath;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      file,
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Warebench',
        `Exec="${executable.replace(/"/g, '\\"')}" --kiosk`,
        'X-GNOME-Autostart-enabled=true',
        'NoDisplay=false',
        '',
      ].join('\n'),
    );
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? ['--kiosk'] : [] });
}
