import { create, createStore, type StoreApi } from 'zustand';
import type { Client, Contract, SignedPayload, TrustStatus } from '../../../shared/api';
import type { CertificateCard } from '../../../shared/signing/card';
import { createKeptKeySigner, createKeyFileSigner } from './keyFileSigner';
import type { Signer } from './ncalayer';

// One store per open signing dialog: the password lives only while the dialog is open and is
// dropped after every attempt; the key file is remembered for the session (useSessionKey) (ключ
// ЭЦП / ЭЦҚ кілті; the core keeps neither).

/** The core's side: the key card, the key-file Signer, the bytes to sign and the re-verification of the CMS. */
export type SigningApi = Pick<Client<Contract>['signing'], 'inspectKey' | 'signBytes' | 'prepareExternal' | 'acceptExternal' | 'trustStatus' | 'keptKey' | 'forgetKey'>;
/** A JSON value, as the contract's `signing.prepareExternal` accepts it. */
export type SignablePayload = Parameters<SigningApi['prepareExternal']>[0]['payload'];
export type SigningStep = 'idle' | 'inspecting' | 'ready' | 'signing' | 'signed' | 'cancelled' | 'failed';

export interface SigningState {
  fileName: string | null;
  /** The key file as base64, as the contract carries it. */
  keyFile: string | null;
  password: string;
  card: CertificateCard | null;
  step: SigningStep;
  error: unknown;
  result: SignedPayload | null;
  /** The cached roots and CRL the core checks the signature against; null until loaded. */
  trust: TrustStatus | null;
  trustError: unknown;
  /** "Keep unlocked for this session" ticked for the next signature with the key file. */
  keep: boolean;
  /** The key the core keeps unlocked for this session: the next signature needs no password. */
  kept: CertificateCard | null;
  setKeep(keep: boolean): void;
  /** Locks the kept key now. */
  forgetKept(): Promise<void>;
  /** The trust status and the kept key, as the dialog opens. */
  loadTrust(): Promise<void>;
  chooseFile(name: string, bytes: Uint8Array): void;
  setPassword(password: string): void;
  inspect(): Promise<void>;
  /**
   * With the key kept unlocked when there is one and no password was typed, else with the chosen
   * key file (the key-file Signer); the password is dropped after the attempt.
   */
  sign(payload: SignablePayload): Promise<SignedPayload | null>;
  /**
   * Through any Signer (the key file, NCALayer): the core gives the exact bytes and the account's
   * IIN, the Signer returns a CMS, the core re-verifies it. One path whichever Signer signed.
   */
  signWith(payload: SignablePayload, signer: Signer, locale: 'ru' | 'kk'): Promise<SignedPayload | null>;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * The key file chosen in this session (the operator's own, for the day at the counter), so each
 * signature asks only for its password. Forgotten at a change of user (renderer/app/forget.ts);
 * the password is never kept.
 */
export const useSessionKey = create<{ fileName: string | null; keyFile: string | null }>(() => ({ fileName: null, keyFile: null }));

export function createSigningStore(api: SigningApi): StoreApi<SigningState> {
  return createStore<SigningState>((set, get) => ({
    ...useSessionKey.getState(),
    password: '',
    card: null,
    step: 'idle',
    error: null,
    result: null,
    trust: null,
    trustError: null,
    keep: false,
    kept: null,
    setKeep: (keep) => set({ keep }),
    forgetKept: async () => {
      await api.forgetKey();
      set({ kept: null });
    },
    loadTrust: async () => {
      try {
        set({ kept: await api.keptKey() });
      } catch {
        set({ kept: null });
      }
      try {
        set({ trust: await api.trustStatus(), trustError: null });
      } catch (error) {
        set({ trustError: error });
      }
    },
    chooseFile: (name, bytes) => {
      const key = { fileName: name, keyFile: base64(bytes) };
      useSessionKey.setState(key);
      set({ ...key, card: null, step: 'idle', error: null, result: null });
    },
    setPassword: (password) => set({ password }),
    inspect: async () => {
      const { keyFile, password } = get();
      if (keyFile === null) return;
      set({ step: 'inspecting', error: null, card: null });
      try {
        set({ card: await api.inspectKey({ keyFile, password }), step: 'ready' });
      } catch (error) {
        set({ error, step: 'failed' });
      }
    },
    signWith: async (payload, signer, locale) => {
      set({ step: 'signing', error: null, result: null });
      try {
        const { data, iin } = await api.prepareExternal({ payload });
        const outcome = await signer.sign({ data: bytesOf(data), iin, purpose: 'sign', locale });
        if (outcome.kind === 'cancelled') {
          set({ step: 'cancelled' });
          return null;
        }
        const result = await api.acceptExternal({ cms: outcome.cms, payload });
        set({ result, card: result.card, step: 'signed' });
        return result;
      } catch (error) {
        set({ error, step: 'failed' });
        return null;
      }
    },
    sign: async (payload) => {
      const { keyFile, password, keep, kept } = get();
      const useKept = kept !== null && password === '';
      if (!useKept && keyFile === null) return null;
      set({ password: '' });
      const result = await get().signWith(payload, useKept ? createKeptKeySigner(api) : createKeyFileSigner(api, keyFile!, password, keep), 'ru');
      // The core keeps the key only after a good signature with the box ticked; any failure drops it.
      if (!useKept) set({ kept: result && keep ? result.card : null });
      else if (!result) set({ kept: null });
      return result;
    },
  }));
}
