import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAnchorAnswerSchema, gatewayErrorSchema } from '../shared/gateway/api';
import { postJson, startTestGateway, type TestGateway, type TestMachine } from './testing';

// Audit anchoring at the gateway (issue 14 item 7): the last head per workstation; a head that does
// not extend it is refused and the refusal kept; a restore re-anchors, recorded.

let gateway: TestGateway;
let first: TestMachine;
let second: TestMachine;
beforeAll(async () => {
  gateway = await startTestGateway({ machineAuth: 'required' });
  first = await gateway.machine(['con-kokpekty']);
  second = await gateway.machine(['edu-kokpekty']);
});
afterAll(() => gateway.dispose());

const hash = (digit: string) => digit.repeat(64);
const anchorOf = async (machine: TestMachine) => auditAnchorAnswerSchema.parse(await (await machine.call('/audit/anchor')).json()).anchor;
const put = (machine: TestMachine, body: unknown) => machine.call('/audit/anchor', postJson(body));
const events = () => gateway.db.prepare<[], { kind: string; seq: number; anchored_seq: number | null; detail: string }>('SELECT kind, seq, anchored_seq, detail FROM audit_anchor_events ORDER BY id').all();

describe('audit anchors', () => {
  it('keeps the last head per workstation, each extending the one before', async () => {
    expect(await anchorOf(first)).toBeNull();
    expect((await put(first, { seq: 3, hash: hash('a'), previous: null })).status).toBe(200);
    const moved = await put(first, { seq: 7, hash: hash('b'), previous: { seq: 3, hash: hash('a') } });
    expect(auditAnchorAnswerSchema.parse(await moved.json()).anchor).toMatchObject({ seq: 7, hash: hash('b') });
    // The same head again changes nothing; the other workstation's anchor is its own.
    expect((await put(first, { seq: 7, hash: hash('b'), previous: { seq: 7, hash: hash('b') } })).status).toBe(200);
    expect(await anchorOf(second)).toBeNull();
    expect(await anchorOf(first)).toMatchObject({ seq: 7, hash: hash('b'), anchoredAt: gateway.clock.now().toISOString() });
  });

  it('refuses a head that is shorter, builds on another anchor, or names none, and keeps the refusal', async () => {
    const cases = [
      { seq: 5, hash: hash('c'), previous: { seq: 7, hash: hash('b') } },
      { seq: 9, hash: hash('c'), previous: { seq: 7, hash: hash('e') } },
      { seq: 9, hash: hash('c'), previous: null },
      { seq: 7, hash: hash('c'), previous: { seq: 7, hash: hash('b') } },
    ];
    for (const body of cases) {
      const refused = await put(first, body);
      expect(refused.status).toBe(409);
      expect(gatewayErrorSchema.parse(await refused.json()).error.code).toBe('AUDIT_ANCHOR_CONFLICT');
    }
    expect(await anchorOf(first)).toMatchObject({ seq: 7, hash: hash('b') });
    expect(events().map((event) => [event.kind, event.seq, event.anchored_seq])).toEqual([
      ['refused', 5, 7],
      ['refused', 9, 7],
      ['refused', 9, 7],
      ['refused', 7, 7],
    ]);
  });

  it('re-anchors a restored chain and records who confirmed the restore', async () => {
    const restored = await put(first, { seq: 4, hash: hash('d'), previous: { seq: 7, hash: hash('b') }, reanchor: { reason: 'restore', confirmedBy: 'supervisor', backupCreatedAt: '2026-03-01T18:00:00.000Z' } });
    expect(restored.status).toBe(200);
    expect(await anchorOf(first)).toMatchObject({ seq: 4, hash: hash('d') });
    const last = events().at(-1)!;
    expect(last).toMatchObject({ kind: 'reanchored', seq: 4, anchored_seq: 7 });
    expect(JSON.parse(last.detail)).toEqual({ reason: 'restore', confirmedBy: 'supervisor', backupCreatedAt: '2026-03-01T18:00:00.000Z' });
  });

  it('answers a bad head 400 and an unsigned call 401, changing nothing', async () => {
    expect((await put(first, { seq: 0, hash: 'zz', previous: null })).status).toBe(400);
    expect((await gateway.call('/audit/anchor')).status).toBe(401);
    expect(await anchorOf(first)).toMatchObject({ seq: 4 });
  });
});
