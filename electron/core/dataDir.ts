import os from 'node:os';
import path from 'node:path';

/** --data-dir, else ARM_DATA_DIR, else the OS per-user application data folder; never the repo. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (flag) return path.resolve(flag);
  if (env.ARM_DATA_DIR) return path.resolve(env.ARM_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ARM');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'ARM');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'arm');
}
