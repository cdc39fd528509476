import type { Client, Contract } from '../../../shared/api';
import type { Signer } from './ncalayer';

// The key-file Signer, beside NCALayer's: the core opens the .p12 (RSA or GOST) with the password
// and signs exactly the bytes given. Whatever comes back is verified by the core like NCALayer's.

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createKeyFileSigner(api: Pick<Client<Contract>['signing'], 'signBytes'>, keyFile: string, password: string): Signer {
  return {
    async sign({ data }) {
      const { cms } = await api.signBytes({ keyFile, password, data: base64(data) });
      return { kind: 'signed', cms };
    },
  };
}
