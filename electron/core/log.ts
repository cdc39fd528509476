import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON lines into <dataDir>/logs/arm-YYYY-MM-DD.log and stderr. Callers pass codes, channel names
 * and field paths only, never values: inputs carry IINs and names.
 */
export function createLogger(dataDir: string | null, now: () => Date = () => new Date()): Logger {
  const dir = dataDir ? path.join(dataDir, 'logs') : null;
  if (dir) mkdirSync(dir, { recursive: true });
  const write = (level: string, event: string, fields: Record<string, unknown> = {}) => {
    const time = now().toISOString();
    const line = JSON.stringify({ time, level, event, ...fields });
    process.stderr.write(line + '\n');
    if (dir) appendFileSync(path.join(dir, `arm-${time.slice(0, 10)}.log`), line + '\n');
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
