import { createHash } from 'node:crypto';
import type { GatewayDb } from './db/database';
import { GatewayError } from './errors';
import { groupCommit } from '../shared/db/groupCommit';

const SHA256 = /^[0-9a-f]{64}$/;

/** Scans of the applicant's documents, stored by the SHA-256 the gateway computes itself. */
export function createAttachments(db: GatewayDb, now: () => Date) {
  const insert = db.prepare('INSERT OR IGNORE INTO attachments (sha256, size, content, received_at) VALUES (?, ?, ?, ?)');
  const read = db.prepare<[string], { content: Buffer }>('SELECT content FROM attachments WHERE sha256 = ?');

  const requireHash = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new GatewayError('VALIDATION_FAILED', 'The path must end in a lower-case hex SHA-256.', { issues: [{ path: 'sha256', message: 'format' }] });
  };

  /** Bytes that do not hash to their name are refused. */
  const check = (sha256: string, content: Buffer): { sha256: string; size: number } => {
    requireHash(sha256);
    const actual = createHash('sha256').update(content).digest('hex');
    if (actual !== sha256) {
      throw new GatewayError('HASH_MISMATCH', `The body hashes to ${actual}, not to ${sha256}.`, { issues: [{ path: 'sha256', message: actual }] });
    }
    return { sha256, size: content.length };
  };
  const insertNow = ({ sha256, content }: { sha256: string; content: Buffer }) => {
    const { changes } = insert.run(sha256, content.length, content, now().toISOString());
    return { sha256, size: content.length, created: changes === 1 };
  };
  // Scans that arrive together share one fsync, as messages do (shared/db/groupCommit.ts); the answer leaves after it.
  const store = groupCommit(db, insertNow, setImmediate);

  return {
    check,

    /** Idempotent: the same bytes again change nothing; bytes that do not hash to the name are refused. */
    put(sha256: string, content: Buffer): Promise<{ sha256: string; size: number; created: boolean }> {
      check(sha256, content);
      return store({ sha256, content });
    },

    /** For a caller already inside a transaction (the portal stores a request's files with its message). */
    putWithin(sha256: string, content: Buffer): { sha256: string; size: number; created: boolean } {
      check(sha256, content);
      return insertNow({ sha256, content });
    },

    /** Bytes that `check` passed, stored inside the caller's transaction (a batch's scans) without hashing them again. */
    storeChecked(sha256: string, content: Buffer): { sha256: string; size: number; created: boolean } {
      return insertNow({ sha256, content });
    },

    get(sha256: string): Buffer {
      requireHash(sha256);
      const row = read.get(sha256);
      if (!row) throw new GatewayError('ATTACHMENT_NOT_FOUND', `No attachment ${sha256}.`);
      return row.content;
    },
  };
}

export type Attachments = ReturnType<typeof createAttachments>;
