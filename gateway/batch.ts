import { messageSchema, type BatchHead, type BatchResult } from '../shared/gateway/api';
import type { Attachments } from './attachments';
import { GatewayError, invalid } from './errors';
import type { Caller, Machines } from './machines';
import type { Messages } from './messages';

// POST /messages/batch: the outbox's many messages, with their scans, in one signed call. Each
// message is checked as POST /messages checks it and refused alone; the scans and the accepted
// messages are stored in one group-committed transaction, and the answer leaves after its fsync.
// The gateway ties no message to another: the sender puts at most one message of a request in a
// batch, so a later one never overtakes one that did not go (electron/core/outbox/outbox.ts).

type Checked = { id: string | null; prepared: ReturnType<Messages['prepare']> } | { id: string | null; refused: GatewayError };

export function createBatch({ messages, attachments, machines, maxAttachmentBytes }: { messages: Messages; attachments: Attachments; machines: Machines; maxAttachmentBytes: number }) {
  return async ({ head, parts }: { head: BatchHead; parts: Buffer[] }, caller: Caller | null): Promise<{ results: BatchResult[] }> => {
    if (parts.length !== head.attachments.length) {
      throw new GatewayError('VALIDATION_FAILED', `The head names ${head.attachments.length} scans and ${parts.length} follow.`, { issues: [{ path: 'attachments', message: String(parts.length) }] });
    }
    // The scans first: one that does not hash to its name refuses the messages that name it, not the batch.
    const arriving = new Map<string, Buffer>();
    const broken = new Map<string, GatewayError>();
    for (const [index, { sha256 }] of head.attachments.entries()) {
      const bytes = parts[index]!;
      try {
        if (bytes.length > maxAttachmentBytes) throw new GatewayError('PAYLOAD_TOO_LARGE', `Attachments are limited to ${maxAttachmentBytes} bytes.`, { issues: [{ path: 'attachments', message: sha256 }] });
        attachments.check(sha256, bytes);
        arriving.set(sha256, bytes);
      } catch (error) {
        broken.set(sha256, error as GatewayError);
      }
    }
    const names = new Set(arriving.keys());
    const window = { lastContact: caller?.lastContact ?? null };
    const checked = head.messages.map((raw, index): Checked => {
      const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
      try {
        const parsed = messageSchema.safeParse(raw);
        if (!parsed.success) throw invalid(`Message ${index} of the batch does not match the message schema.`, parsed.error);
        const message = parsed.data;
        if (caller) {
          machines.requireOrganisation(caller, message.from);
          machines.verifyEnvelope(caller, message);
        }
        const scan = message.attachments.map((sha256) => broken.get(sha256)).find((error) => error !== undefined);
        if (scan) throw scan;
        return { id, prepared: messages.prepare(message, undefined, window, names) };
      } catch (error) {
        if (error instanceof GatewayError) return { id, refused: error };
        throw error;
      }
    });
    const accepted = checked.flatMap((entry) => ('prepared' in entry ? [entry.prepared] : []));
    const stored = await messages.acceptBatch(accepted, () => {
      for (const [sha256, bytes] of arriving) attachments.storeChecked(sha256, bytes);
    });
    let next = 0;
    return {
      results: checked.map((entry): BatchResult => {
        const outcome = 'prepared' in entry ? stored[next++]! : entry.refused;
        if (outcome instanceof GatewayError) return { messageId: entry.id, error: outcome.toJSON().error };
        return { messageId: outcome.receipt.messageId, created: outcome.created, receipt: outcome.receipt };
      }),
    };
  };
}
