import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { listAudit } from '../audit/log';
import { readAttachment, writeAttachment } from '../documents/store';
import { findRequest } from '../requests/repository';
import { queueRequest, signedIn, testCore } from '../testing';

// A mobile centre offline (no gateway) hands its outbox to a connected АРМ on a USB stick.

const PASSWORD = 'Көшіру-құпиясы-2026';
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

function mobileCentre(options: { gateway?: TestGateway } = {}) {
  const t = testCore(options);
  const key = signedIn(t.core, 'mobileOperator', '920701300012', 'mobile');
  const operator = { userId: t.core.sessions.get(key).user!.id, actor: 'mobileOperator' as const };
  const now = () => new Date(t.clock.now);
  const queue = (scanText: string) => {
    const scan = writeAttachment(t.dataDir, Buffer.from(scanText));
    return { ...queueRequest(t.db, now(), { by: operator, attachments: [scan], applicantName: 'Сейткали Нұрлан' }), scan };
  };
  return { ...t, arm: t.window(key), queue };
}

async function connectedCentre(gateway: TestGateway) {
  const t = testCore({ gateway });
  const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...t, arm: t.as('operator', '920701300013'), count };
}

async function gateway() {
  const started = await startTestGateway();
  cleanup.push(() => started.dispose());
  return started;
}

describe('offline transfer', () => {
  it('carries the outbox to a connected АРМ, which delivers it once however often the file is imported', async () => {
    const mobile = mobileCentre();
    const first = mobile.queue('скан заявления 1');
    const second = mobile.queue('скан заявления 2');
    const file = await mobile.arm.transfer.export({ password: PASSWORD });
    expect(file.requests).toBe(2);
    expect(file.fileName).toMatch(/\.armt$/);
    // Nothing readable in the file: the applicant's name is not there in clear.
    expect(Buffer.from(file.base64, 'base64').includes(Buffer.from('Сейткали'))).toBe(false);

    const connected = await connectedCentre(await gateway());
    const result = await connected.arm.transfer.import({ file: file.base64, password: PASSWORD });
    expect(result).toMatchObject({ imported: 2, alreadyPresent: 0, exportedBy: 'mobile' });
    for (const { request, scan } of [first, second]) {
      const stored = findRequest(connected.db, request.id);
      expect(stored).toMatchObject({ number: request.number, state: 'sent' });
      expect(Buffer.from(readAttachment(connected.dataDir, scan)!).toString()).toMatch(/^скан заявления/);
    }
    expect(connected.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'delivered'").get()).toEqual({ n: 2 });
    // The history came along: draft → signed → queued at the mobile centre, then sent here.
    expect(connected.db.prepare('SELECT to_state FROM request_events WHERE request_id = ? ORDER BY seq').all(first.request.id).map((row) => (row as { to_state: string }).to_state)).toEqual([
      'draft',
      'signed',
      'queued',
      'sent',
    ]);
    const journal = await connected.arm.journal.search({ name: 'сейт' });
    expect(journal.rows).toHaveLength(2);

    const again = await connected.arm.transfer.import({ file: file.base64, password: PASSWORD });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 2 });
    expect(connected.count('requests')).toBe(2);
    expect(connected.count('outbox')).toBe(2);
    expect(listAudit(connected.db, { action: 'transfer.import', limit: 10 })).toHaveLength(2);
  });

  it('marks what it exported: not pending here any more, not sent from here, not exported again', async () => {
    // The mobile centre comes back in reach later: its own outbox must not send what the file carried.
    const shared = await gateway();
    const mobile = mobileCentre({ gateway: shared });
    const first = mobile.queue('скан 1');
    mobile.queue('скан 2');
    const supervisor = mobile.as('supervisor', '880315400010');
    expect((await supervisor.sync.status()).guardrails.unsent).toBe(2);
    const file = await mobile.arm.transfer.export({ password: PASSWORD });
    expect(file.requests).toBe(2);
    expect(await mobile.arm.outbox.status()).toMatchObject({ pending: 0, oldestPendingAt: null });
    expect((await supervisor.sync.status()).guardrails.unsent).toBe(0);
    expect(mobile.db.prepare('SELECT DISTINCT exported_in FROM outbox').all()).toEqual([{ exported_in: file.fileName }]);
    expect(listAudit(mobile.db, { action: 'transfer.export', limit: 5 })[0]!.details).toMatchObject({ requests: 2, file: file.fileName });

    // Exported again: nothing new, nothing to export; a request queued since goes alone.
    await expect(mobile.arm.transfer.export({ password: PASSWORD })).rejects.toMatchObject({ code: 'TRANSFER_NOTHING' });
    const third = mobile.queue('скан 3');
    const next = await mobile.arm.transfer.export({ password: PASSWORD });
    expect(next.requests).toBe(1);

    await mobile.core.context.sync!.run();
    expect(shared.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
    expect(findRequest(mobile.db, first.request.id).state).toBe('queued');

    // The connected АРМ takes both files, in any order, and each request goes out once.
    const connected = await connectedCentre(shared);
    expect(await connected.arm.transfer.import({ file: next.base64, password: PASSWORD })).toMatchObject({ imported: 1, alreadyPresent: 0 });
    expect(await connected.arm.transfer.import({ file: file.base64, password: PASSWORD })).toMatchObject({ imported: 2, alreadyPresent: 0 });
    expect(shared.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 3 });
    expect(findRequest(connected.db, third.request.id).state).toBe('sent');
  });

  it('refuses a wrong password, an altered, a cut or a foreign file with their own codes, and stores nothing', async () => {
    const mobile = mobileCentre();
    mobile.queue('скан');
    const file = Buffer.from((await mobile.arm.transfer.export({ password: PASSWORD })).base64, 'base64');
    const connected = await connectedCentre(await gateway());
    const attempt = (bytes: Buffer, password = PASSWORD) => connected.arm.transfer.import({ file: bytes.toString('base64'), password });
    await expect(attempt(file, 'другой-пароль-2026')).rejects.toMatchObject({ code: 'TRANSFER_PASSWORD_WRONG' });
    const altered = Buffer.from(file);
    altered[altered.length - 40]! ^= 0x01;
    await expect(attempt(altered)).rejects.toMatchObject({ code: 'TRANSFER_TAMPERED' });
    await expect(attempt(file.subarray(0, file.length - 100))).rejects.toMatchObject({ code: 'TRANSFER_TAMPERED' });
    await expect(attempt(file.subarray(0, 30))).rejects.toMatchObject({ code: 'TRANSFER_FILE_INVALID' });
    await expect(attempt(Buffer.from('PK\u0003\u0004 not ours at all, a zip perhaps'))).rejects.toMatchObject({ code: 'TRANSFER_FILE_INVALID' });
    await expect(connected.arm.transfer.import({ file: 'A'.repeat(12 * 1024 * 1024), password: PASSWORD })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(attempt(Buffer.alloc(7 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: 'TRANSFER_TOO_LARGE' });
    expect(connected.count('requests')).toBe(0);
    expect(connected.count('outbox')).toBe(0);
  });

  it('says so when there is nothing to export', async () => {
    const mobile = mobileCentre();
    await expect(mobile.arm.transfer.export({ password: PASSWORD })).rejects.toMatchObject({ code: 'TRANSFER_NOTHING' });
    await expect(mobile.arm.transfer.export({ password: 'short' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
