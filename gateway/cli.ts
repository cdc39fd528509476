import path from 'node:path';
import { parseArgs } from 'node:util';

export interface GatewayCommand {
  port: number;
  dataDir: string;
}

/** `--port <p>` (0 = a free port) and `--data-dir <dir>` (default ./gateway-data). */
export function parseGatewayArgs(argv: string[]): GatewayCommand {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string', default: 'gateway-data' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port must be 0…65535, got ${values.port}`);
  return { port, dataDir: path.resolve(values['data-dir']) };
}
