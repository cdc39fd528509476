import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './testing';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.dispose());

interface Document {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { type?: string; properties?: Record<string, unknown> }> };
}

describe('GET /openapi.json', () => {
  it('describes every endpoint the server answers, with resolvable schemas', async () => {
    const response = await gateway.call('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as Document;
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.Message?.properties).toHaveProperty('unverifiedPersons');

    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(document.components.schemas, name).toHaveProperty(name);

    // Every documented path and method reaches a handler (a refusal of the input is fine, "no endpoint" is not).
    const samples: Record<string, string> = { iin: '900412400014', code: 'edu-kokpekty', sha256: '0'.repeat(64), org: 'edu-kokpekty' };
    for (const [template, methods] of Object.entries(document.paths)) {
      if (template === '/_control/reset') continue;
      const pathname = template.replace(/\{(\w+)\}/g, (_, name: string) => samples[name]!);
      for (const method of Object.keys(methods)) {
        const answer = await gateway.call(pathname, { method: method.toUpperCase(), body: method === 'get' ? undefined : '{}' });
        const body = answer.status >= 400 ? ((await answer.json()) as { error: { message: string } }) : null;
        expect(body?.error.message ?? '', `${method} ${pathname}`).not.toMatch(/^No endpoint/);
        expect(answer.status, `${method} ${pathname}`).not.toBe(405);
      }
    }
  });
});
