import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayEndpoints } from '../shared/gateway/endpoints';

// docs/gateway-api.md describes the endpoints; shared/gateway/endpoints.ts decides them. Every
// `METHOD /path` named in a heading of the doc must be a row of the table, and every row must
// have its heading, so neither can gain or lose an endpoint alone.

const doc = readFileSync(path.join(__dirname, '..', 'docs', 'gateway-api.md'), 'utf8');

/** `GET /persons/<iin>` → `GET /persons/{iin}`; the query string is prose, not part of the path. */
function documented(): string[] {
  const headings = doc.split('\n').filter((line) => line.startsWith('### '));
  return headings.flatMap((heading) =>
    [...heading.matchAll(/`(GET|POST|PUT|DELETE|PATCH) (\/[^`?\s]*)/g)].map(([, method, route]) => `${method} ${route!.replace(/<(\w+)>/g, '{$1}')}`),
  );
}

describe('docs/gateway-api.md', () => {
  it('names exactly the endpoints of the table, each once', () => {
    const table = Object.values(gatewayEndpoints).map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    const inDoc = documented();
    expect(new Set(inDoc).size, 'an endpoint has two headings').toBe(inDoc.length);
    expect([...inDoc].sort()).toEqual([...table].sort());
  });

  it('reads a heading the way the test above relies on', () => {
    // Guards the parser itself: a parser that found nothing would make the test above pass for an empty table.
    expect(documented()).toContain('GET /persons/{iin}');
    expect(documented()).toContain('POST /inboxes/{org}/lease');
  });
});
