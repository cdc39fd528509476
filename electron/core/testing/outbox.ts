import { randomUUID } from 'node:crypto';
import type { GatewayMessage } from '../../../shared/gateway/api';
import type { Db } from '../db/database';
import { enqueue } from '../outbox/outbox';
import { createDraft, moveRequest, type Mover } from '../requests/repository';

/** An unsigned request message of the centre to the department (a preschool queue application). */
export function requestMessageTo(
  now: Date,
  options: { payload?: Record<string, unknown>; attachments?: string[]; id?: string; unverifiedPersons?: GatewayMessage['unverifiedPersons'] } = {},
): GatewayMessage {
  return {
    id: options.id ?? randomUUID(),
    kind: 'request',
    from: 'con-kokpekty',
    to: 'edu-kokpekty',
    service: 'preschool-queue',
    createdAt: now.toISOString(),
    attachments: options.attachments ?? [],
    payload: options.payload ?? { applicantIin: '900412400014', childIin: '190620500010' },
    ...(options.unverifiedPersons ? { unverifiedPersons: options.unverifiedPersons } : {}),
  };
}

/**
 * A request moved to `queued` with its outbox message, as a signed submit leaves it, without the
 * form and the signature (for tests of what happens to the outbox, not of intake).
 */
export function queueRequest(
  db: Db,
  now: Date,
  options: { by?: Mover & { userId: string }; attachments?: string[]; applicantName?: string; unverifiedPersons?: GatewayMessage['unverifiedPersons'] } = {},
) {
  const by = options.by ?? { userId: 'op-1', actor: 'operator' as const };
  const request = createDraft(db, { serviceId: 'preschool-queue', applicantIin: '900412400014', centre: 'con-kokpekty' }, by, now);
  const message = requestMessageTo(now, { attachments: options.attachments ?? [], ...(options.unverifiedPersons ? { unverifiedPersons: options.unverifiedPersons } : {}) });
  db.transaction(() => {
    if (options.applicantName) db.prepare('UPDATE requests SET applicant_name = ? WHERE id = ?').run(options.applicantName, request.id);
    moveRequest(db, request.id, 'signed', by, now);
    moveRequest(db, request.id, 'queued', by, now);
    enqueue(db, message, request.id, now);
  })();
  return { request, message };
}
