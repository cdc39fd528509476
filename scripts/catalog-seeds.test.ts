import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../shared/catalog/catalog';

// Catalog figures the seeds give only in parts are checked against the seed text itself.
// The seeds sit beside the repository (CI) or beside the worktrees.
const seedDir = [path.resolve(import.meta.dirname, '../../shared/seeds'), path.resolve(import.meta.dirname, '../../../shared/seeds')].find((dir) => existsSync(dir));
const variants = createCatalog().services.flatMap((service) => service.variants);

describe.skipIf(!seedDir)('seed 001 desk times (issue 21.5)', () => {
  it('are the sums of the step norms, each part quoted from its line', () => {
    const lines = readFileSync(path.join(seedDir!, '001_00054b1e3eac58b3.txt'), 'utf8').split('\n');
    const desk = (id: string) => variants.find((variant) => variant.id === id)!.channels.find((channel) => channel.kind === 'centre')!.counter!;
    expect(['001-r1', '001-r3', '001-r9', '001-r5', '001-r11'].map((id) => [desk(id).maxService!.minutes, desk(id).issue!.minutes])).toEqual([
      [15, 15],
      [15, 15],
      [15, 15],
      [8, 7],
      [8, 7],
    ]);
    for (const id of ['001-r1', '001-r3', '001-r5', '001-r9', '001-r11']) {
      const { maxService, issue } = desk(id);
      for (const part of [...maxService!.cite, ...issue!.cite]) expect(lines[part.line! - 1], `${id} ${part.paragraph}`).toContain(part.quote);
      // The parts are distinct lines: Reg.1's repeated пп.6 is counted once.
      expect(new Set(maxService!.cite.map((part) => part.line)).size).toBe(7);
    }
  });
});
