import type { CoreContext } from '../context';
import type { KeyProtection } from '../vault/masterKey';

// What the core knows about its own start, shared by the system and backup capabilities (a
// module of its own so neither imports the other's handlers).

export interface SystemState {
  /** Why the core failed to start, reported by system.health instead of crashing the host. */
  startError: 'DB_CORRUPT' | 'DB_TOO_NEW' | 'DB_READONLY' | 'DB_UNAVAILABLE' | 'KEY_UNREADABLE' | 'KEY_STORE_UNAVAILABLE' | 'RESTART_REQUIRED' | null;
  /** Encryption at rest and how the master key is kept ('os' is the only one without a warning). */
  atRest: { encrypted: boolean; protection: KeyProtection | null };
  /** The database file, for a restore that replaces it. */
  databaseFile: string;
  /** The data keys, loading (or making) the master key when the start could not: a restore needs them. */
  unlock(): CoreContext['keys'];
}
