import path from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, writeDemoPki } from '../electron/core/signing/demoPki';

// `npm run pki:demo -- --out <dir> [--password <p>]`: the TEST root CA, its CRL and the demo users'
// .p12 files (docs/pki-demo.md).

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, password: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: npm run pki:demo -- --out <dir> [--password <password>]');
    process.exitCode = 2;
    return;
  }
  const outDir = path.resolve(values.out);
  const manifest = await writeDemoPki(outDir, { now: new Date(), ...(values.password ? { password: values.password } : {}) });
  console.log(`TEST PKI written to ${outDir} (${manifest.keys.length} keys, password in ${MANIFEST_FILE}).`);
  for (const key of manifest.keys) console.log(`  ${key.file.padEnd(20)} ${key.role.padEnd(15)} IIN ${key.iin}  ${key.commonName} — ${key.note}`);
}

void main();
