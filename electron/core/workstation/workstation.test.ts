import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBin } from '../../../shared/signing/testPki';
import { contract, createClient } from '../../../shared/api';
import { listAudit } from '../audit/log';
import { readSetting } from '../settings/store';
import { signedIn, testCore, codeOf } from '../testing';

const cores: Array<ReturnType<typeof testCore>> = [];
const servers: http.Server[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) t.core.close();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function setup() {
  const t = testCore();
  cores.push(t);
  const window = signedIn(t.core, 'supervisor', '880315400010');
  return { ...t, supervisor: createClient(contract, (name, input) => t.core.dispatch(name, input, window)) };
}

/** A gateway on loopback that answers /health. */
async function healthyGateway(): Promise<string> {
  const server = http.createServer((request, response) => response.writeHead(request.url?.endsWith('/health') ? 200 : 404).end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/arm/`;
}


describe('the supervisor sets the gateway and the update server', () => {
  it('stores a gateway that answers and an https update server in the settings store, audited, used from the next start', async () => {
    const t = setup();
    const gateway = await healthyGateway();
    const saved = await t.supervisor.workstation.setConnections({ gatewayUrl: gateway, updatesUrl: 'https://updates.example.kz/arm/' });
    expect(saved).toEqual({ gatewayUrl: gateway, updatesUrl: 'https://updates.example.kz/arm/', activeGatewayUrl: null, organisationBin: null });
    expect(readSetting(t.db, 'gateway.url')).toBe(gateway);
    expect(listAudit(t.db, { limit: 5 })).toContainEqual(expect.objectContaining({ action: 'settings.change' }));
  });

  it('refuses http off this computer, credentials in the URL, and a gateway that does not answer; nothing changes', async () => {
    const t = setup();
    const gateway = await healthyGateway();
    await t.supervisor.workstation.setConnections({ gatewayUrl: gateway, updatesUrl: null });
    expect(await codeOf(t.supervisor.workstation.setConnections({ gatewayUrl: 'http://gateway.example.kz/arm/', updatesUrl: null }))).toBe('GATEWAY_URL_INVALID');
    // The organisation BIN: a wrong check digit is refused, a valid one is stored (and audited), null clears it.
    expect(await codeOf(t.supervisor.workstation.setConnections({ gatewayUrl: gateway, updatesUrl: null, organisationBin: '160340012016' }))).toBe('VALIDATION_FAILED');
    expect((await t.supervisor.workstation.setConnections({ gatewayUrl: gateway, updatesUrl: null, organisationBin: makeBin('1603', 1201) })).organisationBin).toBe(makeBin('1603', 1201));
    expect((await t.supervisor.workstation.connections()).organisationBin).toBe(makeBin('1603', 1201));
    expect((await t.supervisor.workstation.setConnections({ gatewayUrl: gateway, updatesUrl: null, organisationBin: null })).organisationBin).toBeNull();
    expect(await codeOf(t.supervisor.workstation.setConnections({ gatewayUrl: 'https://user:secret@gateway.example.kz/', updatesUrl: null }))).toBe('GATEWAY_URL_INVALID');
    expect(await codeOf(t.supervisor.workstation.setConnections({ gatewayUrl: 'not a url', updatesUrl: null }))).toBe('GATEWAY_URL_INVALID');
    expect(await codeOf(t.supervisor.workstation.setConnections({ gatewayUrl: gateway, updatesUrl: 'http://updates.example.kz/' }))).toBe('UPDATE_URL_INVALID');
    expect(await codeOf(t.supervisor.workstation.setConnections({ gatewayUrl: 'http://127.0.0.1:9/arm/', updatesUrl: null }))).toBe('GATEWAY_URL_UNREACHABLE');
    await expect(t.supervisor.workstation.connections()).resolves.toMatchObject({ gatewayUrl: gateway, updatesUrl: null });
  });

  it('clears both with null (the workstation works offline), and only the supervisor may', async () => {
    const t = setup();
    await t.supervisor.workstation.setConnections({ gatewayUrl: await healthyGateway(), updatesUrl: 'https://updates.example.kz/' });
    await expect(t.supervisor.workstation.setConnections({ gatewayUrl: null, updatesUrl: null })).resolves.toMatchObject({ gatewayUrl: null, updatesUrl: null });
    const operatorWindow = signedIn(t.core, 'operator');
    const operator = createClient(contract, (name, input) => t.core.dispatch(name, input, operatorWindow));
    expect(await codeOf(operator.workstation.setConnections({ gatewayUrl: null, updatesUrl: null }))).toBe('FORBIDDEN');
  });
});

describe('the supervisor sets whether this workstation is a mobile centre', () => {
  it('stores a mobile centre where the district’s regulation names mobile centres (004, M. Zhumabaev), audited, and clears it', async () => {
    const t = setup();
    const mobile = { code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' };
    expect(await t.supervisor.workstation.mobileCentre()).toBeNull();
    expect(await t.supervisor.workstation.setMobileCentre({ mobileCentre: mobile })).toEqual(mobile);
    expect(readSetting(t.db, 'workstation.mobileCentre')).toEqual(mobile);
    expect(listAudit(t.db, { limit: 5 })).toContainEqual(expect.objectContaining({ action: 'settings.change', objectId: 'workstation.mobileCentre' }));
    expect(await t.supervisor.workstation.setMobileCentre({ mobileCentre: null })).toBeNull();
    expect(readSetting(t.db, 'workstation.mobileCentre')).toBeNull();
  });

  it('refuses one in Kokpekty, whose regulation (003) names no mobile centre, and in a district no regulation covers, leaving the setting as it was', async () => {
    const t = setup();
    await t.supervisor.workstation.setMobileCentre({ mobileCentre: { code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' } });
    expect(await codeOf(t.supervisor.workstation.setMobileCentre({ mobileCentre: { code: 'mobile-kokpekty', district: 'kokpekty' } }))).toBe('MOBILE_CENTRE_NOT_ALLOWED');
    expect(await codeOf(t.supervisor.workstation.setMobileCentre({ mobileCentre: { code: 'mobile-nowhere', district: 'nowhere' } }))).toBe('MOBILE_CENTRE_NOT_ALLOWED');
    // Seed 001 (Uralsk) has no mobile-centre channel either.
    expect(await codeOf(t.supervisor.workstation.setMobileCentre({ mobileCentre: { code: 'mobile-uralsk', district: 'uralsk' } }))).toBe('MOBILE_CENTRE_NOT_ALLOWED');
    expect(readSetting(t.db, 'workstation.mobileCentre')).toEqual({ code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' });
  });

  it('is the supervisor’s: the mobile operator cannot set it', async () => {
    const t = setup();
    const window = signedIn(t.core, 'mobileOperator', '920701300012');
    const mobileOperator = createClient(contract, (name, input) => t.core.dispatch(name, input, window));
    expect(await codeOf(mobileOperator.workstation.setMobileCentre({ mobileCentre: { code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' } }))).toBe('FORBIDDEN');
  });
});
