import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PrintVerdict } from '../shared/api';
import kk from '../shared/i18n/kk.json' with { type: 'json' };
import ru from '../shared/i18n/ru.json' with { type: 'json' };
import { parseTrustedRoot } from '../shared/signing';
import { DATABASE_FILE } from '../electron/core/app';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';
import { resolveDataDir } from '../electron/core/dataDir';
import { parseCrls, parseRoots, readTrust } from '../electron/core/inbox/settings';
import { knownSigners, verifyPrint, type VerifyTrust } from '../electron/core/verify/check';

// `npm run verify -- <file.pdf|image> [--data-dir <dir>] [--roots roots.pem --crl crl.pem]
//   [--cert signer.pem]… [--lang ru|kk] [--training]`
// Checks a printed certificate or refusal offline with the trust of an АРМ's database (read-only:
// its roots, CRLs and the signers of the results it holds) or with PEM files. Exit 0: valid;
// 1: not valid (the reason is printed); 2: nothing to check with.

const usage = 'npm run verify -- <file.pdf|image> [--data-dir <dir>] [--roots roots.pem --crl crl.pem] [--cert signer.pem] [--lang ru|kk] [--training]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    roots: { type: 'string' },
    crl: { type: 'string' },
    cert: { type: 'string', multiple: true },
    lang: { type: 'string', default: 'ru' },
    training: { type: 'boolean', default: false },
  },
});
const lang = values.lang === 'kk' ? 'kk' : 'ru';
const text = lang === 'kk' ? kk : ru;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const file = positionals[0] ?? fail(usage);
if (!existsSync(file)) fail(`${file}: ${text.errors.NOT_FOUND}`);

function trustOf(): VerifyTrust {
  const trust: VerifyTrust = { roots: [], crls: [], certificates: [], training: values.training };
  if (values['data-dir'] || !values.roots) {
    const database = path.join(resolveDataDir(values['data-dir']), DATABASE_FILE);
    if (!existsSync(database)) fail(`${database}: ${text.errors.DB_UNAVAILABLE}\n${usage}`);
    // The АРМ's database is encrypted at rest: opened read-only with the folder's key file.
    const db = openDataFolderDatabase(resolveDataDir(values['data-dir']), { readonly: true });
    try {
      const { roots, crls } = readTrust(db);
      trust.roots.push(...roots);
      trust.crls.push(...crls);
      trust.certificates.push(...knownSigners(db));
    } finally {
      db.close();
    }
  }
  if (values.roots) trust.roots.push(...parseRoots(readFileSync(values.roots, 'utf8')));
  if (values.crl) trust.crls.push(...parseCrls(readFileSync(values.crl, 'utf8')));
  for (const pem of values.cert ?? []) {
    // RSA or GOST (a head's НУЦ РК certificate since 2024).
    const certificate = parseTrustedRoot(readFileSync(pem, 'utf8'));
    if (!certificate) fail(`${pem}: ${text.errors.KEY_FILE_INVALID}`);
    else trust.certificates.push(certificate);
  }
  return trust;
}

// Dates as people there read them: day.month.year, Kazakhstan time (UTC+5).
const dmy = (date: string) => date.split('-').reverse().join('.');
const local = (iso: string) => new Date(iso).toLocaleString(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { timeZone: 'Asia/Almaty', dateStyle: 'short', timeStyle: 'short' });

function print(verdict: PrintVerdict): void {
  const labels = text.verify;
  const headline = !verdict.valid ? `${labels.invalid}: ${text.errors[verdict.code ?? 'SIGNATURE_INVALID']}` : verdict.compared ? labels.valid : labels.validImage;
  console.log(headline);
  const result = verdict.result;
  if (result) {
    console.log(`${labels.number}: ${result.number} (${dmy(result.date)})`);
    console.log(`${labels.applicant}: ${result.applicant.fullName}, ${labels.iin} ${result.applicant.iin}`);
    console.log(`${labels.signer}: ${result.signer.subject.commonName}, ${labels.iin} ${result.signer.subject.iin ?? '—'} (${result.signer.issuer.commonName})`);
    console.log(`${labels.signedAt}: ${local(result.signingTime)}`);
    if (result.training) console.log(labels.training);
    if (verdict.missing.length > 0) console.log([labels.missing, ...verdict.missing.map((line) => `  ${line}`)].join('\n'));
    if (!verdict.compared) console.log([labels.signed, ...result.lines.map((line) => `  ${line}`)].join('\n'));
  }
}

void verifyPrint(readFileSync(file), trustOf()).then((verdict) => {
  print(verdict);
  process.exit(verdict.valid ? 0 : 1);
});
