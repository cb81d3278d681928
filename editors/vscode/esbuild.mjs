// Bundles the extension into out/extension.js (vscode-languageclient included), so the
// .vsix needs no node_modules. `--production` minifies; `--tests` bundles the unit tests
// into out/test/ instead.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
};

if (tests) {
  await esbuild.build({
    ...common,
    entryPoints: readdirSync('test/unit')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `test/unit/${f}`),
    outdir: 'out/test',
    sourcemap: 'inline',
  });
} else {
  await esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'out/extension.js',
    minify: production,
    sourcemap: !production,
  });
}
