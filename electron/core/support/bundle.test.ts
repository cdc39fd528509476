import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupSecret } from '../backup/backup';
import { writeBackupSecret } from '../backup/settings';
import { signedIn, testCore } from '../testing';
import { contract, createClient } from '../../../shared/api';
import { supportBundle } from './bundle';

// Plants personal data, passwords, tokens and key material where a careless bundle would pick
// them up (the database's tables, the settings, the logs), then greps every entry of the zip.

const APPLICANT_IIN = '900412400014';
const APPLICANT = 'Сарсенбаева Айгерим Ерлановна';
const STAFF_IIN = '880315400010';
const PASSWORD = 'Бастау-2026!секрет';
const TOKEN = 'Zq8xLaunchToken5521';

function plant() {
  const t = testCore();
  const supervisor = createClient(contract, (name, input) => t.core.dispatch(name, input, signedIn(t.core, 'supervisor', STAFF_IIN, 'supervisor')));
  t.db.prepare(
    `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, applicant_name)
     VALUES ('r1', 'n1', 's', 'queued', ?, 'c', 'u', '2026-03-02', '2026-03-02', ?)`,
  ).run(APPLICANT_IIN, APPLICANT);
  const secret = backupSecret('резервный пароль 2026');
  writeBackupSecret(t.db, secret);
  const databaseKey = t.core.context.keys.database!;
  const masterKeyText = readFileSync(path.join(t.dataDir, 'arm.key'), 'utf8').trim();
  mkdirSync(path.join(t.dataDir, 'logs'), { recursive: true });
  const log = [
    { event: 'careless', iin: APPLICANT_IIN, fullName: APPLICANT, password: PASSWORD, note: `Authorization: Bearer ${TOKEN}` },
    { event: 'careless.key', key: databaseKey.toString('hex'), master: masterKeyText, backup: secret.root.toString('base64') },
    { event: 'careless.text', message: `${APPLICANT.split(' ')[1]} ${APPLICANT.split(' ')[0]} пришла с ${STAFF_IIN}`, url: `http://127.0.0.1:4100/#token=${TOKEN}` },
    { event: 'useful', code: 'GATEWAY_UNAVAILABLE' },
  ];
  writeFileSync(path.join(t.dataDir, 'logs', 'arm-2026-03-02.log'), log.map((line) => JSON.stringify(line)).join('\n') + '\n');
  const forbidden = [APPLICANT_IIN, STAFF_IIN, APPLICANT, 'Айгерим', 'Сарсенбаева', PASSWORD, TOKEN, databaseKey.toString('hex'), masterKeyText, secret.root.toString('base64'), secret.root.toString('hex')];
  return { t, supervisor, forbidden };
}

function entries(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function leaks(files: Record<string, string>, forbidden: string[]): string[] {
  return Object.entries(files).flatMap(([name, text]) => forbidden.filter((value) => text.includes(value)).map((value) => `${name}: ${value}`));
}

describe('support bundle', () => {
  it('the supervisor’s button: versions, settings, sync, CRL, integrity and logs — and none of the planted secrets', async () => {
    const { t, supervisor, forbidden } = plant();
    const { fileName, base64 } = await supervisor.support.bundle();
    expect(fileName).toMatch(/^arm-support-\d{8}-\d{6}\.zip$/);
    const files = entries(Buffer.from(base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['crl.json', 'integrity.json', 'logs/arm-2026-03-02.log', 'settings.json', 'state.json', 'sync.json', 'versions.json']);
    expect(leaks(files, forbidden)).toEqual([]);
    expect(JSON.parse(files['versions.json']!)).toMatchObject({ app: 'test', cipher: 'chacha20' });
    expect(JSON.parse(files['integrity.json']!)).toMatchObject({ integrityCheck: 'ok', audit: { ok: true } });
    expect(JSON.parse(files['sync.json']!)).toMatchObject({ pending: 0 });
    expect(Object.keys(JSON.parse(files['settings.json']!))).not.toContain('backup.secret');
    // What support needs survives the scrubbing.
    expect(files['logs/arm-2026-03-02.log']).toContain('GATEWAY_UNAVAILABLE');
    t.core.close();
  });

  it('the scrubber keeps the shape of a log line while removing the person', () => {
    const { t } = plant();
    const { zip } = supportBundle({ db: t.db, dataDir: t.dataDir, appVersion: 'x', now: new Date('2026-03-02T12:00:00Z') });
    const log = entries(zip)['logs/arm-2026-03-02.log']!;
    expect(log.split('\n').filter(Boolean).map((line) => JSON.parse(line).event)).toEqual(['careless', 'careless.key', 'careless.text', 'useful']);
    t.core.close();
  });
});

describe('npm run support-bundle', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-node.mjs']);
  }, 120_000);

  it('writes the same scrubbed zip for a data folder whose АРМ is not running', () => {
    const { t, forbidden } = plant();
    t.core.close();
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-bundle-')), 'bundle.zip');
    const run = spawnSync(process.execPath, ['build/node/support-bundle.cjs', '--data-dir', t.dataDir, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const files = entries(readFileSync(out));
    expect(files['integrity.json']).toContain('"integrityCheck": "ok"');
    expect(leaks(files, forbidden)).toEqual([]);
  });

  it('still bundles versions and logs when the database cannot be opened', () => {
    const { t, forbidden } = plant();
    t.core.close();
    writeFileSync(path.join(t.dataDir, 'arm.key'), 'sealed by the OS\n');
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-bundle-')), 'bundle.zip');
    const run = spawnSync(process.execPath, ['build/node/support-bundle.cjs', '--data-dir', t.dataDir, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('KEY_UNREADABLE');
    const files = entries(readFileSync(out));
    expect(JSON.parse(files['state.json']!)).toMatchObject({ startError: 'KEY_UNREADABLE', database: 'not open' });
    // Without the database the scrubber has only its patterns; they still catch every planted value.
    expect(leaks(files, forbidden)).toEqual([]);
  });
});
