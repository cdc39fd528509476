import { channelEntries, contract, createClient, envelopeSchema, type ArmBridge, type Envelope, type Transport } from '../../shared/api';
import { BINARY_INPUT_HEADER } from '../../shared/api/upload';

declare global {
  interface Window {
    /** Put there by electron/preload.ts; absent in the browser host. */
    armBridge?: ArmBridge;
  }
}

const TOKEN_KEY = 'arm.token';

/** The web host opens the page at /#token=…; keep it for reloads and take it out of the address bar. */
function launchToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const WINDOW_KEY = 'arm.window';

/** This tab's name for the web host, which keeps one session per window (two clerks, two windows). */
function windowId(): string {
  let id = sessionStorage.getItem(WINDOW_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(WINDOW_KEY, id);
  }
  return id;
}

function unreachable(): Envelope {
  return { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'The АРМ core did not answer.' } };
}

/** Binary channels (Channel.binary): their file goes as the request body, the rest in a header. */
const binaryFields = new Map(channelEntries(contract).flatMap(([name, definition]) => (definition.binary ? [[name, definition.binary] as const] : [])));

function request(channel: string, input: unknown, token: string): RequestInit {
  const field = binaryFields.get(channel);
  const file = field && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined;
  if (field && file instanceof Uint8Array) {
    const { [field]: _file, ...rest } = input as Record<string, unknown>;
    return {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [BINARY_INPUT_HEADER]: encodeURIComponent(JSON.stringify(rest)), Authorization: `Bearer ${token}`, 'X-Arm-Window': windowId() },
      body: file as Uint8Array<ArrayBuffer>,
    };
  }
  return { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Arm-Window': windowId() }, body: JSON.stringify({ input }) };
}

function httpTransport(token: string): Transport {
  return async (channel, input) => {
    try {
      const response = await fetch(`/api/${channel}`, request(channel, input, token));
      const parsed = envelopeSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : unreachable();
    } catch {
      return unreachable();
    }
  };
}

function bridgeTransport(bridge: ArmBridge): Transport {
  return (channel, input) => bridge.invoke(channel as Parameters<ArmBridge['invoke']>[0], input).catch(unreachable);
}

/** Fired when the core says the session changed under the page (idle lock, signed out elsewhere). */
export const sessionEvents = new EventTarget();
const SESSION_CODES = new Set(['SESSION_LOCKED', 'UNAUTHORIZED', 'PASSWORD_CHANGE_REQUIRED']);

function watchingSession(transport: Transport): Transport {
  return async (channel, input) => {
    const envelope = await transport(channel, input);
    if (!envelope.ok && SESSION_CODES.has(envelope.error.code)) sessionEvents.dispatchEvent(new Event('changed'));
    return envelope;
  };
}

/** `arm.<capability>.<method>(input)`, the same in Electron and in the browser. */
export const arm = createClient(contract, watchingSession(window.armBridge ? bridgeTransport(window.armBridge) : httpTransport(launchToken())));
