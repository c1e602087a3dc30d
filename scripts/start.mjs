// `npm start`: install if needed, build the Chrome extension, serve the demo page on 127.0.0.1 and open
// Chromium with the extension loaded. No dependencies beyond Node until `npm ci` has run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';
import { extensionArgs, findChromium, INSTALL_HINT } from './lib/chromium.mjs';
import { serve } from './serve.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
ensureDependencies();
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { url } = await serve(['test/pages'], Number(process.env.PORT ?? 4817)).catch(() => serve(['test/pages'], 0));
const demo = `${url}/demo.html`;
const profile = mkdtempSync(join(tmpdir(), 'regulatory-lens-'));
const args = [...extensionArgs(resolve('.output/chrome-mv3')), `--user-data-dir=${profile}`];
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.log('No display found: starting Chromium headless (the demo is still served for you to open elsewhere).');
  args.push('--headless=new', '--remote-debugging-port=9222');
}
console.log(`Demo page: ${demo}\nChromium: ${chromium}\nPress Ctrl+C to stop.`);
const child = spawn(chromium, [...args, demo], { stdio: 'ignore' });
child.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGINT', () => child.kill('SIGTERM'));
