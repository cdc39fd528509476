// electron-builder afterPack hook (electron-builder.yml): refuses a package whose better-sqlite3 is
// not built for the packed Electron's ABI — a Node-ABI module would load nowhere on the operator's
// PC, and nothing before the first start would notice. `npm run pack:check` runs the same check.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** The NODE_MODULE_VERSION a native module was built for, from its exported register symbol. */
function nativeAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

function electronAbi() {
  return Number(readFileSync(path.join(require.resolve('electron/package.json'), '..', 'abi_version'), 'utf8').trim());
}

/** appOutDir: the unpacked app (linux-unpacked, win-unpacked). standIn: pack:check without the Electron-ABI build. */
function checkNative(appOutDir, { standIn = false } = {}) {
  const file = path.join(appOutDir, 'resources', 'native', 'better_sqlite3.node');
  if (!existsSync(file)) {
    if (standIn) return { file, abi: null };
    throw new Error(`${file} is missing: run node scripts/native.mjs --electron (better-sqlite3 for Electron's ABI) before packaging.`);
  }
  const abi = nativeAbi(file);
  const expected = electronAbi();
  if (abi !== expected) throw new Error(`${file} is built for ABI ${abi}, Electron ${require('electron/package.json').version} needs ${expected}.`);
  return { file, abi };
}

module.exports = async function afterPack(context) {
  checkNative(context.appOutDir, { standIn: process.env.ARM_PACK_STANDIN === '1' });
};
module.exports.checkNative = checkNative;
module.exports.nativeAbi = nativeAbi;
module.exports.electronAbi = electronAbi;
