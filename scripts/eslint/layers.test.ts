import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own lint configuration on small sources placed (by name only) in each layer:
// proves that `npm run lint` refuses what docs/architecture.md says a layer may not do.

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint per layer', { timeout: 60_000 }, () => {
  it('refuses a capability importing another capability’s handlers, and allows its own and the registry', async () => {
    const cross = await problems('electron/core/print/receipt2.ts', "import { intakeHandlers } from '../intake/handlers';\nexport const x = intakeHandlers;\n");
    expect(cross).toEqual([expect.stringMatching(/^arm\/core-boundaries: Capability «print» imports the handlers of «intake»/)]);
    expect(await problems('electron/core/print/deep/view.ts', "export { intakeHandlers } from '../../intake/handlers';\n")).toHaveLength(1);
    expect(await problems('electron/core/intake/extra.ts', "import { intakeHandlers } from './handlers';\nexport const x = intakeHandlers;\n")).toEqual([]);
    expect(await problems('electron/core/registry.ts', "import { intakeHandlers } from './intake/handlers';\nexport const x = intakeHandlers;\n")).toEqual([]);
    expect(await problems('electron/core/print/receipt2.ts', "import { loadDraft } from '../intake/drafts';\nexport const x = loadDraft;\n")).toEqual([]);
  });

  it('bars the core from electron/*.ts and the hosts, however deep the importing file', async () => {
    for (const [file, source] of [
      ['electron/core/app2.ts', '../security-policy'],
      ['electron/core/print/x.ts', '../../main'],
      ['electron/core/print/x/y.ts', '../../../ipc'],
      ['electron/core/print/x.ts', '../../host/web/server'],
    ] as const) {
      expect(await problems(file, `import * as m from '${source}';\nexport const x = m;\n`), `${file} → ${source}`).toEqual([expect.stringMatching(/^arm\/core-boundaries: The core never imports electron\//)]);
    }
    // A folder of the core that happens to be called main is the core's own.
    expect(await problems('electron/core/print/x.ts', "import * as m from '../reports/main';\nexport const x = m;\n")).toEqual([]);
  });

  it('refuses every Node built-in in the renderer and shared/, not only a handful', async () => {
    for (const file of ['renderer/features/x/y.ts', 'shared/x/y.ts']) {
      for (const name of ['worker_threads', 'zlib', 'fs/promises', 'node:sqlite', 'dns']) {
        const found = await problems(file, `import * as m from '${name}';\nexport const x = m;\n`);
        expect(found, `${file}: ${name}`).toEqual([expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: /)]);
      }
    }
    // A relative file that shares a built-in's name is not a built-in.
    expect(await problems('shared/x/y.ts', "import * as m from './path';\nexport const x = m;\n")).toEqual([]);
  });

  it('has no Node globals in the renderer or shared/, and keeps them in the core', async () => {
    const code = 'export const bytes = Buffer.from("a");\nexport const env = process.env;\n';
    expect(await problems('renderer/features/x/y.ts', code)).toEqual([expect.stringMatching(/^no-restricted-globals: .*Buffer/), expect.stringMatching(/^no-restricted-globals: .*process/)]);
    expect(await problems('shared/x/y.ts', code)).toHaveLength(2);
    expect(await problems('shared/x/y.ts', 'export const get = () => fetch("http://x");\n')).toEqual([expect.stringMatching(/^no-restricted-globals: .*fetch/)]);
    expect(await problems('electron/core/x/y.ts', code)).toEqual([]);
    expect(await problems('renderer/features/x/y.ts', 'export const t = new TextEncoder();\nexport const f = () => fetch("/api");\n')).toEqual([]);
  });
});
