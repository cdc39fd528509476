import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the emulator's entry point as `npm run gateway` runs it (build/node/gateway.cjs), into
 * `outfile`: for tests that start the real process without depending on an earlier build.
 */
export async function bundleGateway(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    loader: { '.sql': 'text' },
    logLevel: 'silent',
  });
}
