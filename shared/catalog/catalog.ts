import { z } from 'zod';
import { ArmError } from '../api/errors';
import { kzCalendar, type Calendar, type Deadline, type LocalDateTime } from '../calendar/calendar';
import { variants as seed000 } from './data/seed-000';
import { variants as seed001 } from './data/seed-001';
import { variants as seed002 } from './data/seed-002';
import { variants as seed003 } from './data/seed-003';
import { variants as seed004 } from './data/seed-004';
import { services } from './data/services';
import { serviceEntrySchema, serviceSchema, variantSchema, type ChannelKind, type ProviderKind, type Service, type ServiceSummary, type Variant } from './schema';

/** The data files by the name a failure message shows. */
export const catalogFiles: Record<string, { kind: 'services' | 'variants'; data: unknown }> = {
  'shared/catalog/data/services.ts': { kind: 'services', data: services },
  'shared/catalog/data/seed-000.ts': { kind: 'variants', data: seed000 },
  'shared/catalog/data/seed-001.ts': { kind: 'variants', data: seed001 },
  'shared/catalog/data/seed-002.ts': { kind: 'variants', data: seed002 },
  'shared/catalog/data/seed-003.ts': { kind: 'variants', data: seed003 },
  'shared/catalog/data/seed-004.ts': { kind: 'variants', data: seed004 },
};

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`Catalog data is invalid:\n${problems.join('\n')}`);
    this.name = 'CatalogError';
  }
}

/** "file: path.to.field: message" for every schema violation of one data file. */
export function checkCatalogFile(file: string, kind: 'services' | 'variants', data: unknown): string[] {
  const schema = z.array(kind === 'services' ? serviceSchema : variantSchema);
  const parsed = schema.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${file}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

/**
 * Validates every file and joins variants to their services. A broken file, a variant of an
 * unknown service, a service without a variant or a repeated id throws with the file and path,
 * so a bad catalog fails the tests, the bench and the start of the core alike.
 */
export function buildCatalog(files: Record<string, { kind: 'services' | 'variants'; data: unknown }>): Service[] {
  const problems = Object.entries(files).flatMap(([file, { kind, data }]) => checkCatalogFile(file, kind, data));
  if (problems.length) throw new CatalogError(problems);
  const identities = Object.entries(files).flatMap(([file, { kind, data }]) => (kind === 'services' ? z.array(serviceSchema).parse(data).map((service) => ({ file, service })) : []));
  const variants = Object.entries(files).flatMap(([file, { kind, data }]) =>
    kind === 'variants' ? z.array(variantSchema).parse(data).map((variant, index) => ({ file, index, variant })) : [],
  );
  const byId = new Map<string, Service>();
  for (const { file, service } of identities) {
    if (byId.has(service.id)) problems.push(`${file}: ${service.id}: service id repeated`);
    byId.set(service.id, { ...service, variants: [] });
  }
  const variantIds = new Set<string>();
  for (const { file, index, variant } of variants) {
    if (variantIds.has(variant.id)) problems.push(`${file}: ${index}.id: variant id ${variant.id} repeated`);
    variantIds.add(variant.id);
    const service = byId.get(variant.serviceId);
    if (service) service.variants.push(variant);
    else problems.push(`${file}: ${index}.serviceId: no service ${variant.serviceId}`);
  }
  for (const service of byId.values()) if (!service.variants.length) problems.push(`${service.id}: service has no variant`);
  if (problems.length) throw new CatalogError(problems);
  return [...byId.values()];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function summarize(service: Service): ServiceSummary {
  const providerKinds: ProviderKind[] = unique(service.variants.flatMap((variant) => [variant.provider.kind, ...(variant.provider.also ?? [])]));
  const channels: ChannelKind[] = unique(service.variants.flatMap((variant) => variant.channels.map((channel) => channel.kind)));
  return {
    id: service.id,
    name: service.name,
    kkSource: service.kkSource,
    providerKinds,
    channels,
    regions: service.variants.map((variant: Variant) => variant.region),
    variantCount: service.variants.length,
  };
}

export interface Catalog {
  services: Service[];
  list(): ServiceSummary[];
  get(id: string): Service | undefined;
}

export function createCatalog(files = catalogFiles): Catalog {
  return catalogOf(buildCatalog(files));
}

/** A catalog from services already joined with their variants (the gateway's reference data). */
export function catalogOf(all: Service[]): Catalog {
  const byId = new Map(all.map((service) => [service.id, service]));
  const summaries = all.map(summarize);
  return { services: all, list: () => summaries, get: (id) => byId.get(id) };
}

/**
 * Services as the gateway's reference data carries them: each a valid entry with its variants,
 * no id twice. The problems as "path: message", empty when it is sound.
 */
export function checkCatalogServices(data: unknown): string[] {
  const parsed = z.array(serviceEntrySchema).min(1).safeParse(data);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  const problems: string[] = [];
  const services = new Set<string>();
  const variants = new Set<string>();
  for (const service of parsed.data) {
    if (services.has(service.id)) problems.push(`${service.id}: service id repeated`);
    services.add(service.id);
    for (const variant of service.variants) {
      if (variant.serviceId !== service.id) problems.push(`${variant.id}: belongs to ${variant.serviceId}, listed under ${service.id}`);
      if (variants.has(variant.id)) problems.push(`${variant.id}: variant id repeated`);
      variants.add(variant.id);
    }
  }
  return problems;
}

// The catalog in force in this process: the bundled one until the gateway's reference data replaced
// it (the core sets it at the start and after each update). The supervisor's document lists stay
// on top of either (electron/core/catalog/overrides.ts).
let inForce: Catalog | null = null;

export function currentCatalog(): Catalog {
  inForce ??= createCatalog();
  return inForce;
}

/** Puts the reference catalog in force; null: the bundled one. */
export function useCatalogServices(services: Service[] | null): void {
  inForce = services ? catalogOf(services) : createCatalog();
}

/**
 * The deadline printed on a receipt: the term of this variant's channel from the moment of
 * acceptance. null when the regulation gives no term for the channel (the receipt says so);
 * a channel the variant does not have is VALIDATION_FAILED, a year without calendar data
 * CALENDAR_YEAR_MISSING.
 */
export function serviceDeadline(variant: Variant, channel: ChannelKind, acceptedAt: LocalDateTime, calendar: Calendar = kzCalendar): Deadline | null {
  const found = variant.channels.find((candidate) => candidate.kind === channel);
  if (!found) throw new ArmError('VALIDATION_FAILED', `Variant ${variant.id} has no ${channel} channel.`);
  return found.term ? calendar.deadline(acceptedAt, { value: found.term.value, unit: found.term.unit }) : null;
}
