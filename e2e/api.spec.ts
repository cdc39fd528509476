import { expect, SCHEMA_VERSION, test } from './host';

// The same checks as `curl` in the issue, against the real host process.
test('the API wants the launch token and refuses foreign origins', async ({ request, host }) => {
  const health = `${host.origin}/api/system.health`;
  expect((await request.post(health)).status()).toBe(401);
  const ok = await request.post(health, { headers: { Authorization: `Bearer ${host.token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, value: { status: 'ok', schemaVersion: SCHEMA_VERSION } });
  const evil = await request.post(health, { headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' } });
  expect(evil.status()).toBe(403);
  const unknown = await request.post(`${host.origin}/api/system.format`, { headers: { Authorization: `Bearer ${host.token}` } });
  expect(unknown.status()).toBe(404);
  const invalid = await request.post(health, { headers: { Authorization: `Bearer ${host.token}` }, data: { input: { iin: '123' } } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: '' }] } });
  // The host keeps running after bad input.
  expect((await request.post(health, { headers: { Authorization: `Bearer ${host.token}` } })).status()).toBe(200);
});

test('a page from another origin cannot read the API even from inside the browser', async ({ page, host }) => {
  await page.goto('about:blank');
  const status = await page.evaluate(
    async ({ url, token }) => {
      try {
        const response = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
        return response.status;
      } catch {
        return 'blocked';
      }
    },
    { url: `${host.origin}/api/system.health`, token: host.token },
  );
  expect(status).not.toBe(200);
});
