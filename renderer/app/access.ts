import { contract, roles, type ArmChannel, type Role } from '../../shared/api';

/**
 * Who may call a channel, read from the contract's `access`: the screens show a section to the
 * roles the core would serve, so a role change in shared/api is the only edit (issue 13).
 * A public channel serves every signed-in role.
 */
export function rolesOf(name: ArmChannel): readonly Role[] {
  const [capability, method] = name.split('.') as [keyof typeof contract, string];
  const methods: Record<string, { access: 'public' | readonly Role[] }> = contract[capability];
  const access = methods[method]?.access;
  if (!access) throw new Error(`No channel ${name} in the contract`);
  return access === 'public' ? roles : access;
}

/** A section exists for one channel: the call without which the screen has nothing to show. */
export interface SectionAccess {
  serves: ArmChannel;
}

export function allowed(section: SectionAccess, role: Role | undefined): boolean {
  return role !== undefined && rolesOf(section.serves).includes(role);
}
