import { messageSchema, type GatewayMessage } from '../../../shared/gateway/api';
import type { Db } from '../db/database';

// The outbox's one way in, kept apart from the sync (outbox.ts) so the request repository can
// queue a status notice in the same transaction as the move it reports.

/**
 * Puts a message in the outbox. Call it inside the transaction that changes the request, so a
 * request is never "queued" without its message, nor a message left without its request.
 */
export function enqueue(db: Db, message: GatewayMessage, requestId: string | null, now: Date): void {
  const checked = messageSchema.parse(message);
  db.prepare('INSERT INTO outbox (id, request_id, message, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)').run(
    checked.id,
    requestId,
    JSON.stringify(checked),
    now.toISOString(),
    now.toISOString(),
  );
}
