// Release tooling for the update key (docs/delivery.md):
//   npm run update:sign -- --keygen <dir>            writes update-key.pem (public, goes into
//                                                    build-resources/) and update-key.private.pem
//                                                    (keep it offline, never in the repository)
//   npm run update:sign -- --key <private.pem> dist/latest.yml dist/latest-linux.yml
//                                                    writes <file>.sig beside each metadata file
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signMetadata, SIGNATURE_SUFFIX, updateKeyPair } from '../electron/host/update/signature';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const keygen = option('--keygen');
const key = option('--key');
if (keygen) {
  const pair = updateKeyPair();
  writeFileSync(path.join(keygen, 'update-key.pem'), pair.publicKeyPem);
  writeFileSync(path.join(keygen, 'update-key.private.pem'), pair.privateKeyPem, { mode: 0o600 });
  console.log(`Update key written to ${keygen}: copy update-key.pem to build-resources/, keep update-key.private.pem offline.`);
} else if (key && args.length > 0) {
  const privateKeyPem = readFileSync(key, 'utf8');
  for (const file of args) {
    writeFileSync(file + SIGNATURE_SUFFIX, signMetadata(readFileSync(file), privateKeyPem) + '\n');
    console.log(`Signed ${file}`);
  }
} else {
  console.error('Usage: npm run update:sign -- --keygen <dir> | --key <private.pem> <latest*.yml>...');
  process.exit(2);
}
