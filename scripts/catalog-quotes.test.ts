import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../shared/catalog/catalog';
import { seedFiles, type Citation } from '../shared/catalog/schema';

// Every quote in the catalog must be the regulation's own words: it is looked up in the seed
// file (whitespace folded, NBSP included) and, where a line is given, near that line.
// The regulations' texts are part of the project (docs/regulations), so a bare clone runs this.
const seedDir = path.resolve(import.meta.dirname, '../docs/regulations');

const fold = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

function collectCitations(value: unknown, found: Citation[] = []): Citation[] {
  if (Array.isArray(value)) for (const item of value) collectCitations(item, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.seed === 'string' && typeof record.paragraph === 'string') found.push(record as unknown as Citation);
    else for (const item of Object.values(record)) collectCitations(item, found);
  }
  return found;
}

describe('catalog quotes are verbatim from the seeds', () => {
  const texts = new Map(seedFiles.map((file) => [file, readFileSync(path.join(seedDir, file), 'utf8')]));
  const citations = collectCitations(createCatalog().services);

  it('finds citations to check', () => {
    expect(citations.filter((cite) => cite.quote).length).toBeGreaterThan(50);
  });

  for (const file of seedFiles) {
    it(`${file}: every quote occurs in the file, at the cited line when one is given`, () => {
      const text = texts.get(file) ?? '';
      const lines = text.split('\n');
      const misses = citations
        .filter((cite) => cite.seed === file && cite.quote)
        .filter((cite) => {
          const quote = fold(cite.quote ?? '');
          if (cite.line) {
            const window = lines.slice(Math.max(0, cite.line - 4), cite.line + 3).join(' ');
            return !fold(window).includes(quote);
          }
          return !fold(text).includes(quote);
        })
        .map((cite) => `${cite.paragraph}${cite.line ? ` L${cite.line}` : ''}: «${cite.quote}»`);
      expect(misses).toEqual([]);
    });
  }

  it('cited lines exist in their files', () => {
    const beyond = citations.filter((cite) => cite.line && cite.line > (texts.get(cite.seed) ?? '').split('\n').length);
    expect(beyond).toEqual([]);
  });
});
