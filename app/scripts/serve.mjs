// Serves the built app (dist/) over HTTP: the app is a static site, this is all it needs.
//
// usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm',
};

/** Starts serving `dir` on `host:port` (0: any free port); resolves with the server. */
export function serve({ port = 8080, host = '127.0.0.1', dir = DIST } = {}) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no built app in ${dir}: run \`npm run build\` in app/`);
  const server = createServer((req, res) => {
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('--port', '8080'));
  const host = arg('--host', '127.0.0.1');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: --port must be a port number, not "${arg('--port')}"`);
    process.exit(2);
  }
  serve({ port, host }).then((server) => {
    console.error(`the governance app is on http://${host}:${server.address().port}/ (?rpc=ws://... picks the node)`);
  }, (e) => {
    console.error(`error: ${e.message}`);
    process.exit(1);
  });
}
