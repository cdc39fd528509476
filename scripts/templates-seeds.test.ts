import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../shared/catalog/catalog';
import { GENERIC_TEMPLATE, TEMPLATES, resultTemplate } from '../shared/results/templates';

// Each result template is the seed's own text: its words between placeholders are found, in
// order, in the passage of the seed it names (source.from … source.to). Layout does not count:
// whitespace (the seeds' letter-spaced words too), Markdown marks and the blanks «____» are dropped.
// The seeds sit beside the repository (CI) or beside the worktrees.
const seedDir = [path.resolve(import.meta.dirname, '../../shared/seeds'), path.resolve(import.meta.dirname, '../../../shared/seeds')].find((dir) => existsSync(dir));

const squeeze = (text: string) => text.replace(/[\s\u00a0*\\_#]+/g, '');
const PLACEHOLDER = /\{[a-zA-Z.]+(?:\|\w+)?\}/;

type Source = NonNullable<(typeof TEMPLATES)[number]['source']>;

/** The first word run of the template that is not in its seed passage (in order), or null. */
function missingSegment(lines: string[], source: Source): string | null {
  const seed = squeeze(readFileSync(path.join(seedDir!, source.seed), 'utf8'));
  const from = seed.indexOf(squeeze(source.from));
  if (from < 0) return `«${source.from}» (the passage start)`;
  const to = seed.indexOf(squeeze(source.to), from + 1);
  const passage = (source.corrections ?? []).reduce((text, correction) => text.replace(squeeze(correction.seed), squeeze(correction.template)), seed.slice(from, to < 0 ? undefined : to));
  let at = 0;
  for (const segment of lines.flatMap((line) => line.split(PLACEHOLDER)).map(squeeze).filter(Boolean)) {
    const found = passage.indexOf(segment, at);
    if (found < 0) return segment;
    at = found + segment.length;
  }
  return null;
}

describe.skipIf(!seedDir)('result templates quote their seeds', () => {
  it.each(TEMPLATES.flatMap((template) => Object.entries(template.text ?? {}).map(([lang, lines]) => ({ id: template.id, lang, lines: lines!, source: template.source! }))))(
    '$id ($lang) is the seed text, placeholders aside',
    ({ lines, source }) => {
      expect(missingSegment(lines, source)).toBeNull();
    },
  );

  it('one word changed, or lines out of order, no longer match', () => {
    const template = TEMPLATES.find((candidate) => candidate.id === '003-r4.certificate')!;
    const lines = template.text!.ru!;
    expect(missingSegment(lines.map((line) => line.replace('подготовке', 'подготовки')), template.source!)).toContain('подготовки');
    expect(missingSegment([...lines].reverse(), template.source!)).not.toBeNull();
    // 000 says «подготовки» [sic] where 003 says «подготовке»: each template is held to its own seed.
    const guardianship = TEMPLATES.find((candidate) => candidate.id === '000.certificate')!;
    expect(missingSegment(guardianship.text!.ru!, template.source!)).not.toBeNull();
    // A correction is needed where the seed is garbled: without it, 003 Reg.5's legal references do not match.
    const permission = TEMPLATES.find((candidate) => candidate.id === '003-r5.permission')!;
    expect(permission.source!.corrections).toHaveLength(1);
    expect(missingSegment(permission.text!.ru!, { ...permission.source!, corrections: [] })).toContain('согласностатьям22-24');
  });
});

describe('every result of the catalog has a template', () => {
  it('a seed template of its kind, or the generic layout whose file says no seed gives the text', () => {
    const ids = createCatalog().services.flatMap((service) => service.variants.flatMap((variant) => [...variant.results.map((result) => result.templateId), variant.refusal.templateId]));
    const seeded = ids.filter((id) => resultTemplate(id) !== GENERIC_TEMPLATE);
    expect(seeded.sort()).toEqual(TEMPLATES.map((template) => template.id).sort());
    expect(GENERIC_TEMPLATE.comment).toMatch(/no seed gives the text/);
  });
});
