import type { Client, Contract } from '../../../shared/api';
import type { Signer } from './ncalayer';

// The key-file Signer, beside NCALayer's: the core opens the .p12 (RSA or GOST) with the password
// and signs exactly the bytes given. Whatever comes back is verified by the core like NCALayer's.

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `keep`: the core keeps the opened key for this session (until lock or logout); false drops a kept one. */
export function createKeyFileSigner(api: Pick<Client<Contract>['signing'], 'signBytes'>, keyFile: string, password: string, keep = false): Signer {
  return {
    async sign({ data }) {
      const { cms } = await api.signBytes({ keyFile, password, data: base64(data), keep });
      return { kind: 'signed', cms };
    },
  };
}

/** The key kept unlocked in the core for this session: no file, no password. */
export function createKeptKeySigner(api: Pick<Client<Contract>['signing'], 'signBytes'>): Signer {
  return {
    async sign({ data }) {
      const { cms } = await api.signBytes({ kept: true, data: base64(data) });
      return { kind: 'signed', cms };
    },
  };
}
