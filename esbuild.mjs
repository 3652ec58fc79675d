// Bundles the extension (Node), the CLI and the benchmark script. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Changes whenever any analyser source changes: keys the extension's analysis cache. */
function analyzerVersion() {
  const hash = createHash('sha256').update(version);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) hash.update(file).update(readFileSync(file));
    }
  };
  walk('src/core');
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}
const analyzer = { NEWS_ANALYZER_VERSION: JSON.stringify(analyzerVersion()) };

/** The browser build: Node-only modules of the extension are replaced by their web versions. */
const webPlatform = {
  name: 'web-platform',
  setup(build) {
    build.onResolve({ filter: /\/platform\/node$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/node$/, 'web.ts')) }));
  },
};
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  external: ['vscode'],
  define: analyzer,
  plugins: [webPlatform],
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  external: ['vscode'],
};

const builds = [
  // The entry (package.json `main`) is a few KB; it loads dist/main.js, the rest, when it is needed
  // (src/extension/lazyActivation.ts).
  { ...common, entryPoints: ['src/extension/entry.ts'], outfile: 'dist/extension.js', external: ['vscode', './main.js'] },
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/main.js', define: analyzer },
  { ...common, entryPoints: ['src/extension/worker/nodeWorker.ts'], outfile: 'dist/worker.js', define: analyzer },
  { ...web, entryPoints: ['src/extension/entryWeb.ts'], outfile: 'dist/web/extension.js' },
  { ...web, format: 'iife', entryPoints: ['src/extension/worker/webWorker.ts'], outfile: 'dist/web/worker.js' },
  {
    ...common,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { NEWS_ANNOTATOR_VERSION: JSON.stringify(version) },
  },
  { ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', define: analyzer },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
