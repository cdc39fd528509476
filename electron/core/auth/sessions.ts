import type { Caller, SessionUser } from '../../../shared/api';
import type { CertificateCard } from '../../../shared/signing/card';

/**
 * A signing key the user chose to keep unlocked for this session (issue 24: "keep unlocked for
 * this session"): the opened key lives only in this closure, in the core's memory, never on disk.
 */
export interface KeptSigningKey {
  userId: string;
  card: CertificateCard;
  sign(content: Uint8Array, now: Date): Uint8Array;
}

/** One per window: the web host keys it by its launch token, Electron by the window's id. */
export interface Session {
  user: SessionUser | null;
  locked: boolean;
  lastActivity: number;
  /** The one-time challenge of a key login in progress (auth.keyChallenge); taken by the attempt. */
  challenge?: { login: string; data: Uint8Array; expiresAt: number } | null;
  /** Cleared on lock (by hand or idle), logout, any sign-in and an account change. */
  signingKey?: KeptSigningKey | null;
}

/** Drops the kept signing key, if any: the next signature asks for the key file's password again. */
export function forgetSigningKey(session: Session): void {
  session.signingKey = null;
}

/** The window locks (by hand or idle): the kept key goes with it. */
export function lockSession(session: Session): void {
  session.locked = true;
  forgetSigningKey(session);
}

/** Nobody is signed in here any more. */
export function endSession(session: Session): void {
  session.user = null;
  session.locked = false;
  forgetSigningKey(session);
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  get(key: string): Session {
    let session = this.sessions.get(key);
    if (!session) {
      session = { user: null, locked: false, lastActivity: 0 };
      this.sessions.set(key, session);
    }
    return session;
  }

  /** The caller a channel's roles are checked against: nobody while signed out or locked. */
  static callerOf(session: Session): Caller {
    return session.user && !session.locked ? { userId: session.user.id, role: session.user.role } : null;
  }

  /** After an account change (deactivated, reset) its open sessions end. */
  signOutUser(userId: string): void {
    for (const session of this.sessions.values()) {
      if (session.user?.id === userId) endSession(session);
    }
  }
}
