import path from 'node:path';

// Layer rules that need the import resolved against the importing file (a glob on the import
// text cannot tell ../../main from ../reports/main): docs/architecture.md, "Layers".
const ROOT = path.resolve(import.meta.dirname, '../..');
const CORE = 'electron/core/';

/** The repository path an import names, or null for a package. */
function target(filename, source) {
  if (!source.startsWith('.')) return null;
  return path.relative(ROOT, path.resolve(path.dirname(filename), source)).split(path.sep).join('/').replace(/\.(ts|tsx|js)$/, '');
}

const coreBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Inside the core: capabilities do not import each other’s handlers; the core never imports electron/*.ts or a host.' },
    schema: [],
    messages: {
      handlers: 'Capability «{{from}}» imports the handlers of «{{to}}»: move the logic both need down to a module of «{{to}}» (or a shared core module) and import that.',
      electron: 'The core never imports electron/{{file}}: hosts, IPC and the security policy sit above the core, which is plain Node.',
    },
  },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (!from.startsWith(CORE)) return {};
    const capability = from.slice(CORE.length).split('/').length > 1 ? from.slice(CORE.length).split('/')[0] : null;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const to = target(context.filename, node.source.value);
      if (!to) return;
      const handlers = /^electron\/core\/([^/]+)\/handlers$/.exec(to);
      if (handlers && capability && handlers[1] !== capability) {
        context.report({ node: node.source, messageId: 'handlers', data: { from: capability, to: handlers[1] } });
      }
      if (to.startsWith('electron/') && !to.startsWith(CORE)) {
        context.report({ node: node.source, messageId: 'electron', data: { file: to.slice('electron/'.length) } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'core-boundaries': coreBoundaries } };
