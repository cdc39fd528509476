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

describe.skipIf(!seedDir)('Kazakh strings marked as from a seed (issue 21.5)', () => {
  const seeds = () => ['000_4ca51d69da8029f0.txt', '001_00054b1e3eac58b3.txt', '002_6753f846e4ac5b78.txt', '003_1f0aa295ea31cb42.txt', '004_fb5181694af341c1.txt'].map((file) => readFileSync(path.join(seedDir!, file), 'utf8').replace(/[\s\u00a0*\\_#]+/g, ' ').toLowerCase());
  const flat = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

  it('service and result names marked seed are verbatim in a seed (the one corrected typo put back); the seed’s wording is marked seed', () => {
    const texts = seeds();
    const inSeed = (kk: string) => texts.some((text) => text.includes(flat(kk)));
    for (const service of createCatalog().services) {
      const kk = service.kkCorrected ? service.name.kk.replace(service.kkCorrected.ours, service.kkCorrected.seed) : service.name.kk;
      if (service.kkSource === 'seed') expect(inSeed(kk), service.id).toBe(true);
      // The correction is real: the corrected name is not in the seed as we print it.
      if (service.kkCorrected) expect(inSeed(service.name.kk), service.id).toBe(false);
      for (const result of service.variants.flatMap((variant) => variant.results)) {
        if (result.kkSource === 'seed') expect(inSeed(result.name.kk), result.templateId).toBe(true);
      }
    }
    // The guardianship certificate's Kazakh name is seed 002's wherever it is used.
    const guardianship = variants.flatMap((variant) => variant.results).filter((result) => result.name.kk === 'Қорғаншылық және қамқоршылық жөнінде анықтама');
    expect(guardianship.length).toBeGreaterThanOrEqual(4);
    expect(guardianship.every((result) => result.kkSource === 'seed')).toBe(true);
  });
});
