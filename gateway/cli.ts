import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseVersion } from '../shared/gateway/version';

export interface GatewayCommand {
  port: number;
  dataDir: string;
  /** A folder `npm run pki:demo` wrote: its root and CRL become the trust (signatures checked). */
  trustDir: string | null;
  /** The lowest АРМ version served (CLIENT_TOO_OLD below it); null serves every version. */
  minClientVersion: string | null;
  /** The process that started the emulator (training mode): when it is gone, the emulator stops. */
  parentPid: number | null;
  /**
   * The admin secret's file (made, 0600, when absent): with it the controls and enrollment
   * (/_control/*) exist. Training mode keeps it in the АРМ's private data folder, which enrolls itself.
   */
  adminSecretFile: string | null;
  /** 'required' (default): only enrolled machines; 'lenient': test harnesses that call with plain HTTP. */
  machineAuth: 'required' | 'lenient';
  /** Training mode: the provider the training АРМ plays, where the portal sends its requests. */
  trainingProvider: string | null;
}

/**
 * `--port <p>` (0 = a free port), `--data-dir <dir>` (default ./gateway-data), `--trust-dir <dir>`,
 * `--parent-pid <pid>`, `--min-client-version <x.y.z>`, `--admin-secret-file <file>`,
 * `--machine-auth required|lenient`, `--training-provider <code>`.
 */
export function parseGatewayArgs(argv: string[]): GatewayCommand {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string', default: 'gateway-data' },
      'trust-dir': { type: 'string' },
      'parent-pid': { type: 'string' },
      'min-client-version': { type: 'string' },
      'admin-secret-file': { type: 'string' },
      'machine-auth': { type: 'string', default: 'required' },
      'training-provider': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port must be 0…65535, got ${values.port}`);
  const minClientVersion = values['min-client-version'] ?? null;
  if (minClientVersion !== null && !parseVersion(minClientVersion)) throw new Error(`--min-client-version must be x.y.z, got ${minClientVersion}`);
  const parent = values['parent-pid'];
  if (parent !== undefined && !/^[1-9]\d*$/.test(parent)) throw new Error(`--parent-pid must be a process id, got ${parent}`);
  const machineAuth = values['machine-auth'];
  if (machineAuth !== 'required' && machineAuth !== 'lenient') throw new Error(`--machine-auth must be required or lenient, got ${machineAuth}`);
  return {
    port,
    adminSecretFile: values['admin-secret-file'] ? path.resolve(values['admin-secret-file']) : null,
    machineAuth,
    dataDir: path.resolve(values['data-dir']),
    trustDir: values['trust-dir'] ? path.resolve(values['trust-dir']) : null,
    parentPid: parent === undefined ? null : Number(parent),
    minClientVersion,
    trainingProvider: values['training-provider'] ?? null,
  };
}
