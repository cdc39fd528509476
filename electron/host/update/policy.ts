import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// An organisation switches updates off per machine with a policy file an administrator writes
// (docs/delivery.md): {"updates": false}. Windows: %ProgramData%\ARM\policy.json; Linux:
// /etc/arm/policy.json. A file that cannot be read as that JSON also switches updates off: whoever
// wrote it meant to restrict, and the app keeps working without updates.

export function policyFile(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'ARM', 'policy.json');
  return '/etc/arm/policy.json';
}

export interface UpdatePolicy {
  updates: boolean;
  /** Why updates are off: the file says so, or it could not be read. */
  because?: 'policy' | 'policyUnreadable';
}

export function readUpdatePolicy(file: string): UpdatePolicy {
  if (!existsSync(file)) return { updates: true };
  try {
    const policy = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof policy === 'object' && policy !== null && 'updates' in policy && typeof policy.updates === 'boolean') {
      return policy.updates ? { updates: true } : { updates: false, because: 'policy' };
    }
    return Object.keys(policy ?? {}).includes('updates') ? { updates: false, because: 'policyUnreadable' } : { updates: true };
  } catch {
    return { updates: false, because: 'policyUnreadable' };
  }
}
