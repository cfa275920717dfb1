// Bundles the console's browser code into Bot/wwwroot/console (committed, so a fresh clone needs no npm to run the bot).
// Run after changing anything under src/ or the packages: `cd tools/console && npm ci && node build.mjs`.
// SOURCE-HASH records the inputs; ConsoleAssetsTests fails when the committed bundle is older than its sources.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'Bot', 'wwwroot', 'console');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

await build({
  entryPoints: [join(here, 'src', 'app.js')],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  outdir: join(out, 'assets'),
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});
await build({ entryPoints: [join(here, 'src', 'console.css')], bundle: true, minify: true, outdir: join(out, 'assets'), logLevel: 'warning' });
// The shell, without indentation and line breaks (it is served as is).
writeFileSync(join(out, 'index.html'), readFileSync(join(here, 'src', 'index.html'), 'utf8').split('\n').map((l) => l.trim()).join(''));
// Brotli and gzip copies of each script and stylesheet, served instead when the browser accepts them (CompressedAssets.cs).
for (const file of readdirSync(join(out, 'assets')).filter((f) => /\.(js|css)$/.test(f))) {
  const bytes = readFileSync(join(out, 'assets', file));
  writeFileSync(join(out, 'assets', file + '.br'), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(join(out, 'assets', file + '.gz'), gzipSync(bytes, { level: 9 }));
}
writeFileSync(join(out, 'SOURCE-HASH'), sourceHash() + '\n');
// What a first load of a page fetches (shell, stylesheet, the entry script and its static imports), raw and on the wire.
const shell = readFileSync(join(out, 'index.html'), 'utf8');
const entry = readFileSync(join(out, 'assets', 'app.js'), 'utf8');
const loaded = ['app.js', 'console.css', ...[...entry.matchAll(/from"\.\/(chunk-[A-Z0-9]+\.js)"/g)].map((m) => m[1])];
const size = (f) => statSync(join(out, 'assets', f)).size;
const raw = shell.length + loaded.reduce((sum, f) => sum + size(f), 0);
const brotli = shell.length + loaded.reduce((sum, f) => sum + size(f + '.br'), 0);
console.log(`console first load (before the page's JSON): ${Math.round(raw / 1024)} KB raw, ${Math.round(brotli / 1024)} KB with Brotli; Teams SDK chunk on top inside Teams`);

/** SHA-256 over src/* and package-lock.json, in name order, each as "name\n" + bytes (LF line ends). */
export function sourceHash() {
  const hash = createHash('sha256');
  const files = readdirSync(join(here, 'src')).sort().map((f) => ['src/' + f, join(here, 'src', f)]);
  for (const [name, path] of [...files, ['package-lock.json', join(here, 'package-lock.json')]]) {
    hash.update(name + '\n');
    hash.update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n'));
  }
  return hash.digest('hex');
}
