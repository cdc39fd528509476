import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_VERSION_HEADER } from '../shared/gateway/version';
import { parseGatewayArgs } from './cli';
import { startTestGateway, type TestGateway } from './testing';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ minClientVersion: '0.3.0' });
});
afterAll(() => gateway.dispose());

const health = (version?: string) => gateway.call('/health', version ? { headers: { [CLIENT_VERSION_HEADER]: version } } : {});

describe('the version floor', () => {
  it('refuses an АРМ below the floor, or one that does not say its version, with CLIENT_TOO_OLD (426)', async () => {
    for (const version of ['0.2.9', undefined, 'latest']) {
      const response = await health(version);
      expect(response.status, String(version)).toBe(426);
      expect(await response.json()).toMatchObject({ error: { code: 'CLIENT_TOO_OLD' } });
    }
    const lookup = await gateway.call('/persons/900412400014', { headers: { [CLIENT_VERSION_HEADER]: '0.1.0' } });
    expect(lookup.status).toBe(426);
  });

  it('serves the floor and above, and never blocks the harness controls', async () => {
    expect((await health('0.3.0')).status).toBe(200);
    expect((await health('1.0.0')).status).toBe(200);
    const reset = await gateway.call('/_control/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'none' }) });
    expect(reset.status).toBeLessThan(300);
  });

  it('takes the floor from --min-client-version and refuses one that is not a version', () => {
    expect(parseGatewayArgs(['--min-client-version', '0.3.0']).minClientVersion).toBe('0.3.0');
    expect(parseGatewayArgs([]).minClientVersion).toBeNull();
    expect(() => parseGatewayArgs(['--min-client-version', 'soon'])).toThrow(/x\.y\.z/);
  });
});
