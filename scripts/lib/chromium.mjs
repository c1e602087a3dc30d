// Finds a Chromium that can load an unpacked extension: CHROMIUM_PATH, Debian's /usr/bin/chromium, then
// Chromium or Chrome on PATH. (Branded Google Chrome ignores --load-extension since version 137, so
// Chromium is preferred.)
import { executable } from './executable.mjs';
import { delimiter, join } from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const p = join(dir, name);
      if (dir && executable(p)) return p;
    }
  }
  return undefined;
}

export const INSTALL_HINT =
  'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to its executable.';

/** Flags that keep Chromium quiet on a closed network and let it load our unpacked build. */
export function extensionArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
