import type { DocumentOverrideItem } from '../../../shared/catalog/schema';
import { createCatalog } from '../../../shared/catalog/catalog';
import { saveDocuments } from '../catalog/overrides';
import type { Db } from '../db/database';
import { readSetting, writeSettings } from '../settings/store';

// Training mode works out of the box (issue 18 item 11): the one training АРМ plays the centre and
// the provider, so both of its organisation settings are preset to the emulator's demo district,
// and the guardianship certificate — whose regulation only points to a Standard the seeds lack —
// gets a short document list marked as a training example, not a regulation.

/** The emulator's demo centre and education department of Kokpekty district (gateway/). */
export const TRAINING_CENTRE = { code: 'con-kokpekty', district: 'kokpekty' } as const;
export const TRAINING_PROVIDER = 'edu-kokpekty';
/**
 * The demo mobile centre: Kokpekty's regulation (003) names no mobile centre, M. Zhumabaev's (004)
 * does (its channels «мобильный ЦОН»), so the training mobile operator works there.
 */
export const TRAINING_MOBILE_CENTRE = { code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' } as const;
export const TRAINING_CHECKLIST_BASIS = 'Учебный пример, не из Стандарта / Оқу мысалы, Стандарттан емес';

const GUARDIANSHIP = { service: 'guardianship-certificate', variant: '003-r4' } as const;
const GUARDIANSHIP_DOCUMENTS: DocumentOverrideItem[] = [
  { name: { ru: 'Документ, удостоверяющий личность заявителя', kk: 'Өтініш берушінің жеке басын куәландыратын құжат' }, form: 'original', requirement: 'required' },
  { name: { ru: 'Свидетельство о рождении ребёнка', kk: 'Баланың туу туралы куәлігі' }, form: 'copy', requirement: 'required' },
];

/** On the empty database the demo accounts are made in, with the supervisor's id for the audit. */
export function presetTrainingWorkstation(db: Db, supervisorId: string, now: Date): void {
  writeSettings(
    db,
    {
      ...(readSetting(db, 'workstation.centre') ? {} : { 'workstation.centre': TRAINING_CENTRE }),
      ...(readSetting(db, 'workstation.organisation') ? {} : { 'workstation.organisation': TRAINING_PROVIDER }),
      ...(readSetting(db, 'workstation.mobileCentre') ? {} : { 'workstation.mobileCentre': TRAINING_MOBILE_CENTRE }),
    },
    { userId: supervisorId },
    now,
  );
  saveDocuments(db, createCatalog().get(GUARDIANSHIP.service), GUARDIANSHIP.variant, GUARDIANSHIP_DOCUMENTS, TRAINING_CHECKLIST_BASIS, supervisorId, now);
}
