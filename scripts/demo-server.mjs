// Starts code-server on loopback with the extension in development mode and the example folder
// open, and prints the address. Interactive: runs until Ctrl-C. Not interactive (CI, a pipe):
// checks that the workbench answers, then stops, so the command can be verified unattended.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [codeServerDir, folder] = process.argv.slice(2);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const port = process.env.NEWS_DEMO_PORT
  ? Number(process.env.NEWS_DEMO_PORT)
  : await new Promise((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => done(port));
      });
    });
const profile = mkdtempSync(join(tmpdir(), 'news-demo-'));
mkdirSync(join(profile, 'ud', 'User'), { recursive: true });
writeFileSync(join(profile, 'ud', 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }));

const server = spawn(
  process.execPath,
  [join(codeServerDir, 'out', 'node', 'entry.js'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', join(profile, 'ud'), '--extensions-dir', join(profile, 'ext'), folder],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
server.stderr.on('data', (d) => process.env.NEWS_DEMO_VERBOSE && process.stderr.write(d));
server.stdout.on('data', (d) => process.env.NEWS_DEMO_VERBOSE && process.stdout.write(d));
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', () => { stop(); process.exit(0); });
process.on('SIGTERM', () => { stop(); process.exit(0); });

const base = `http://127.0.0.1:${port}`;
const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]]);
const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;

let ready = false;
for (let i = 0; i < 120 && !ready; i++) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    const response = await fetch(`${base}/healthz`);
    ready = response.ok;
  } catch { /* not listening yet */ }
}
if (!ready) {
  console.error('code-server did not start within 60 s (set NEWS_DEMO_VERBOSE=1 to see its log).');
  stop();
  process.exit(1);
}
const page = await fetch(url);
console.log(`VS Code (code-server ${codeServerDir.split('-').pop()}) is serving the example with News Annotator loaded:`);
console.log(`  ${url}`);
if (process.stdin.isTTY && !process.env.CI) {
  console.log('Open that address in a browser. Ctrl-C stops the server.');
} else {
  console.log(`Not interactive: the workbench answered ${page.status}; stopping the server.`);
  stop();
  process.exit(page.ok ? 0 : 1);
}
