import { randomUUID } from 'node:crypto';
import type { StatusNotice } from '../../../shared/gateway/api';
import type { Db } from '../db/database';
import { enqueue } from '../outbox/queue';
import type { RequestRow } from './repository';

// Status notices (уведомление об изменении статуса): the provider tells the centre each step of a
// request it received — registered, in work, decided — through the outbox, in the transaction of
// the move itself, so the centre's journal follows the provider's without a person sending it.
// No person acts, so no person's ЭЦП signs them: the sending machine countersigns the envelope
// (shared/gateway/machine.ts). The regulation has the system, not an employee, send them — 000
// Прил.1 Табл.1 д.6, СФЕ «АРМ РШЭП»: «Регистрация документа направление получателю… уведомления
// отчета о принятии запроса». Extensions and returns, which a person decides, are signed by that
// person (notices/provider.ts).

export const NOTIFIED_STATES = ['registered', 'inWork', 'decided'] as const;

/** Queues the notice of a provider-side request's move; nothing for the centre's own requests. */
export function queueStatus(db: Db, request: RequestRow, state: StatusNotice['state'], now: Date): void {
  // Taken in at the provider's own office (centre = provider): nobody else to tell.
  if (request.side !== 'provider' || !request.message_id || !request.provider || request.centre === request.provider) return;
  const at = now.toISOString();
  const payload: StatusNotice = { messageId: request.message_id, requestNumber: request.number, state, at };
  enqueue(db, { id: randomUUID(), kind: 'status', from: request.provider, to: request.centre, service: request.service_id, createdAt: at, attachments: [], payload }, request.id, now);
}

/** Returns a message this workstation could not apply to its sender, with the code and the reason. */
export function queueReturn(
  db: Db,
  message: { id: string; from: string; to: string; service: string; requestNumber: string | null },
  why: { code: string; reason: string },
  now: Date,
): void {
  const at = now.toISOString();
  const payload: StatusNotice = { messageId: message.id, requestNumber: message.requestNumber, state: 'returned', at, code: why.code, reason: why.reason };
  enqueue(db, { id: randomUUID(), kind: 'status', from: message.to, to: message.from, service: message.service, createdAt: at, attachments: [], payload }, null, now);
}
