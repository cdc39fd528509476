import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles `source` (TypeScript importing the core relative to `resolveDir`) into `<appRoot>/build/
 * <name>.cjs`, the way the app's own bundles are made, for tests that run core code in a process of
 * their own and kill it (kill -9) mid-step. better-sqlite3 stays external, found through a link to
 * the repository's node_modules.
 */
export async function buildChildScript(appRoot: string, name: string, resolveDir: string, source: string): Promise<string> {
  const script = path.join(appRoot, 'build', `${name}.cjs`);
  mkdirSync(path.dirname(script), { recursive: true });
  await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    loader: { '.sql': 'text' },
    logLevel: 'silent',
  });
  symlinkSync(path.resolve(__dirname, '..', '..', '..', 'node_modules'), path.join(appRoot, 'node_modules'));
  return script;
}
