import { randomUUID } from 'node:crypto';
import type { Account, LoginMethod, Role, SessionUser } from '../../../shared/api';
import type { Db } from '../db/database';

// SQL of the users table; handlers call these, never SQL themselves.

export interface UserRow {
  id: string;
  login: string;
  full_name: string;
  iin: string;
  role: Role;
  organisation: string;
  password_hash: string;
  must_change_password: 0 | 1;
  active: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  login_method: LoginMethod;
  auth_key_not_after: string | null;
  sign_key_not_after: string | null;
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function findByLogin(db: Db, login: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE login = ?').get(login) as UserRow | undefined;
}

export function findById(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function listUsers(db: Db): UserRow[] {
  return db.prepare('SELECT * FROM users ORDER BY role, login').all() as UserRow[];
}

export interface NewUser {
  login: string;
  fullName: string;
  iin: string;
  role: Role;
  organisation: string;
  passwordHash: string;
  mustChangePassword: boolean;
}

export function insertUser(db: Db, user: NewUser, now: Date): UserRow {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO users (id, login, full_name, iin, role, organisation, password_hash, must_change_password, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, user.login, user.fullName, user.iin, user.role, user.organisation, user.passwordHash, user.mustChangePassword ? 1 : 0, now.toISOString());
  return findById(db, id)!;
}

export function updateUser(db: Db, id: string, fields: Partial<Omit<UserRow, 'id' | 'created_at'>>): UserRow {
  const names = Object.keys(fields);
  if (names.length) db.prepare(`UPDATE users SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
  return findById(db, id)!;
}

export function toAccount(row: UserRow): Account {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    iin: row.iin,
    role: row.role,
    organisation: row.organisation,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    loginMethod: row.login_method,
    authKeyNotAfter: row.auth_key_not_after,
    signKeyNotAfter: row.sign_key_not_after,
  };
}

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    organisation: row.organisation,
    mustChangePassword: row.must_change_password === 1,
  };
}
