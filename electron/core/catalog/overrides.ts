import { ArmError } from '../../../shared/api';
import type { Service } from '../../../shared/catalog/schema';
import type { DocumentOverrideItem } from '../../../shared/catalog/schema';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';

interface OverrideRow {
  variant_id: string;
  version: number;
  items: string;
  basis: string;
  changed_by: string | null;
  changed_at: string;
}

function toOverride(row: OverrideRow) {
  return { version: row.version, basis: row.basis, changedAt: row.changed_at, changedBy: row.changed_by, items: JSON.parse(row.items) as DocumentOverrideItem[] };
}

/** Saves a new version of a variant's document list, audited in the same transaction. */
export function saveDocuments(db: Db, service: Service | undefined, variantId: string, items: DocumentOverrideItem[], basis: string, userId: string, now: Date) {
  if (!service?.variants.some((variant) => variant.id === variantId)) throw new ArmError('NOT_FOUND', `No variant ${variantId} in the catalog.`);
  return db.transaction(() => {
    const last = db.prepare('SELECT max(version) AS version FROM catalog_overrides WHERE variant_id = ?').get(variantId) as { version: number | null };
    const version = (last.version ?? 0) + 1;
    db.prepare('INSERT INTO catalog_overrides (variant_id, version, items, basis, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      variantId,
      version,
      JSON.stringify(items),
      basis,
      userId,
      now.toISOString(),
    );
    appendAudit(db, { userId, action: 'catalog.documents', objectType: 'variant', objectId: variantId, details: { version, basis, documents: items.length } }, now);
    return { version, basis, changedAt: now.toISOString(), changedBy: userId };
  })();
}

export function documentsHistory(db: Db, variantId: string) {
  return (db.prepare('SELECT * FROM catalog_overrides WHERE variant_id = ? ORDER BY version DESC').all(variantId) as OverrideRow[]).map(toOverride);
}

/**
 * The service as this workstation applies it: each variant with the supervisor's newest document
 * list where there is one. The items cite the regulation's paragraph that points to the Standard;
 * the override's basis says where in the Standard they come from.
 */
export function withOverrides(db: Db | null, service: Service): Service {
  if (!db) return service;
  const latest = db.prepare(
    'SELECT o.* FROM catalog_overrides o WHERE o.version = (SELECT max(version) FROM catalog_overrides WHERE variant_id = o.variant_id) AND o.variant_id IN (SELECT value FROM json_each(?))',
  );
  const rows = new Map((latest.all(JSON.stringify(service.variants.map((variant) => variant.id))) as OverrideRow[]).map((row) => [row.variant_id, toOverride(row)]));
  return {
    ...service,
    variants: service.variants.map((variant) => {
      const override = rows.get(variant.id);
      if (!override) return variant;
      const cite = variant.documents.listAbsent?.cite ?? variant.applicationForm.cite;
      return {
        ...variant,
        documents: {
          ...variant.documents,
          items: override.items.map((item) => ({ ...item, kkSource: 'translation' as const, cite })),
        },
        documentsOverride: { version: override.version, basis: override.basis, changedAt: override.changedAt, changedBy: override.changedBy },
      };
    }),
  };
}
