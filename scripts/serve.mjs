// A tiny static file server on 127.0.0.1 for the demo page and test pages. No dependencies, so it runs
// before `npm ci` and inside Playwright fixtures alike.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `roots` (first match wins) on 127.0.0.1; resolves with the base URL and a close function. `onRequest` sees each URL path asked for. */
export function serve(roots, port = 0, onRequest) {
  const dirs = roots.map((r) => resolve(r));
  const server = createServer(async (req, res) => {
    onRequest?.(req.url ?? '/');
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    for (const dir of dirs) {
      const file = join(dir, path || 'index.html');
      if (!file.startsWith(dir)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        // Not there: try the next root.
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      ok({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 4817);
  const { url } = await serve(['test/pages'], port);
  console.log(`serving test/pages on ${url}`);
}
