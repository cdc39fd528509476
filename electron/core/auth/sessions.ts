import type { Caller, SessionUser } from '../../../shared/api';

/** One per window: the web host keys it by its launch token, Electron by the window's id. */
export interface Session {
  user: SessionUser | null;
  locked: boolean;
  lastActivity: number;
  /** The one-time challenge of a key login in progress (auth.keyChallenge); taken by the attempt. */
  challenge?: { login: string; data: Uint8Array; expiresAt: number } | null;
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
      if (session.user?.id === userId) {
        session.user = null;
        session.locked = false;
      }
    }
  }
}
