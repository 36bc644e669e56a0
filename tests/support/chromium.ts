/** Debian's Chromium as every test and benchmark drives it (the machine's one working browser; see README). */
export const chromiumExecutable = process.env.WAREBENCH_CHROMIUM ?? '/usr/bin/chromium';

/** No sandbox (containers), no GPU, no network chatter of its own: the station's traffic is the only traffic. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
