import path from 'node:path';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { privateDir, PRIVATE_FILE } from './folder';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** The one log folder, shown on the status screen: `<dataDir>/logs`. */
export const LOG_DIR = 'logs';

/**
 * How much log a workstation keeps: a file per day, a new one whenever a file reaches maxSize, and
 * files older than maxDays deleted. 30 days covers a support case opened at the end of a month.
 */
export const LOG_POLICY = { maxSize: '10m', maxDays: 30 };

export function logDir(dataDir: string): string {
  return path.join(dataDir, LOG_DIR);
}

/**
 * JSON lines into <dataDir>/logs/arm-YYYY-MM-DD.log (rotated and pruned by winston-daily-rotate-file)
 * and stderr. Callers pass codes, channel names and field paths only, never values: inputs carry
 * IINs and names (e2e/accounts.spec.ts reads the files for them).
 */
export function createLogger(
  dataDir: string | null,
  now: () => Date = () => new Date(),
  policy: { maxSize: string; maxDays: number } = LOG_POLICY,
): Logger & { close(): Promise<void> } {
  if (dataDir) privateDir(logDir(dataDir));
  const file = dataDir
    ? new DailyRotateFile({
        dirname: logDir(dataDir),
        filename: 'arm-%DATE%.log',
        datePattern: 'YYYY-MM-DD',
        maxSize: policy.maxSize,
        maxFiles: `${policy.maxDays}d`,
        // Logs name channels and codes, still: only the folder's owner reads them.
        options: { flags: 'a', mode: PRIVATE_FILE },
        // The rotator's own index of the files it keeps, in the same folder.
        auditFile: path.join(logDir(dataDir), '.rotation.json'),
        // Each line is already JSON; the transport writes it as it is.
        format: winston.format.printf((info) => String(info.message)),
      })
    : null;
  const logger = file ? winston.createLogger({ transports: [file] }) : null;
  const write = (level: 'info' | 'warn' | 'error', event: string, fields: Record<string, unknown> = {}) => {
    const line = JSON.stringify({ time: now().toISOString(), level, event, ...fields });
    process.stderr.write(line + '\n');
    logger?.log(level, line);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    // The logger finishes once its transport took every line; the transport's close() then ends
    // the file stream and says 'finish' again when the bytes are on disk.
    close: () =>
      new Promise<void>((resolve) => {
        if (!logger || !file) return resolve();
        logger.once('finish', () => {
          file.once('finish', () => resolve());
          file.close?.();
        });
        logger.end();
      }),
  };
}
