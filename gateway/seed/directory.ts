import { createCatalog } from '../../shared/catalog/catalog';
import type { Bilingual, Organisation, Route } from '../../shared/gateway/api';

// The emulator's directory: districts named in the regulations (seeds 000–004), their
// centres (ЦОН / ХҚО) and providers (услугодатели). Codes are the emulator's own, not КАТО.

export interface District {
  code: string;
  name: Bilingual;
  /** Villages and towns inside the district, for generated addresses; none for a city. */
  settlements: Bilingual[];
}

export const districts: District[] = [
  {
    code: 'kokpekty',
    name: { ru: 'Кокпектинский район, Восточно-Казахстанская область', kk: 'Шығыс Қазақстан облысы, Көкпекті ауданы' },
    settlements: [
      { ru: 'с. Кокпекты', kk: 'Көкпекті ауылы' },
      { ru: 'с. Самарское', kk: 'Самар ауылы' },
    ],
  },
  {
    code: 'zhambyl-sko',
    name: { ru: 'Жамбылский район, Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы, Жамбыл ауданы' },
    settlements: [{ ru: 'с. Пресновка', kk: 'Пресновка ауылы' }],
  },
  {
    code: 'm-zhumabaev',
    name: { ru: 'район Магжана Жумабаева, Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы, Мағжан Жұмабаев ауданы' },
    settlements: [{ ru: 'г. Булаево', kk: 'Булаев қаласы' }],
  },
  {
    code: 'uralsk',
    name: { ru: 'г. Уральск, Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы, Орал қаласы' },
    settlements: [],
  },
  {
    // Seed 002 п.1: «Қарағанды облысы қалалары мен аудандарының білім бөлімдері».
    code: 'karaganda',
    name: { ru: 'г. Караганда, Карагандинская область', kk: 'Қарағанды облысы, Қарағанды қаласы' },
    settlements: [],
  },
];

export const streets: Bilingual[] = [
  { ru: 'ул. Абая', kk: 'Абай көшесі' },
  { ru: 'ул. Ауэзова', kk: 'Әуезов көшесі' },
  { ru: 'ул. Школьная', kk: 'Мектеп көшесі' },
  { ru: 'ул. Центральная', kk: 'Орталық көшесі' },
  { ru: 'ул. Мира', kk: 'Бейбітшілік көшесі' },
  { ru: 'ул. Лесная', kk: 'Орман көшесі' },
  { ru: 'ул. Степная', kk: 'Дала көшесі' },
];

export function districtOf(code: string): District {
  const district = districts.find((candidate) => candidate.code === code);
  if (!district) throw new Error(`Unknown district ${code}`);
  return district;
}

/** Services the demo data names, by the АРМ's service catalog ids (shared/catalog). */
export const services = {
  guardianshipCertificate: 'guardianship-certificate', // Выдача справок по опеке и попечительству
  preschoolQueue: 'preschool-queue', // Постановка на очередь детей дошкольного возраста (до 7 лет)
  housingQueue: 'housing-queue', // Постановка на учет граждан, нуждающихся в жилище
} as const;

/** The service catalog the emulator routes and serves (GET /reference/catalog). */
export const catalog = createCatalog();

const educationDepartments: Record<string, Bilingual> = {
  kokpekty: { ru: 'ГУ «Отдел образования Кокпектинского района»', kk: '«Көкпекті ауданының білім бөлімі» ММ' },
  'zhambyl-sko': { ru: 'ГУ «Отдел образования Жамбылского района»', kk: '«Жамбыл ауданының білім бөлімі» ММ' },
  'm-zhumabaev': { ru: 'ГУ «Отдел образования района Магжана Жумабаева»', kk: '«Мағжан Жұмабаев ауданының білім бөлімі» ММ' },
  uralsk: { ru: 'ГУ «Отдел образования города Уральска»', kk: '«Орал қаласының білім бөлімі» ММ' },
  karaganda: { ru: 'ГУ «Отдел образования города Караганды»', kk: '«Қарағанды қаласының білім бөлімі» ММ' },
};

const centres: Record<string, Bilingual> = {
  kokpekty: { ru: 'ЦОН Кокпектинского района', kk: 'Көкпекті ауданының ХҚО' },
  'zhambyl-sko': { ru: 'ЦОН Жамбылского района', kk: 'Жамбыл ауданының ХҚО' },
  'm-zhumabaev': { ru: 'ЦОН района Магжана Жумабаева', kk: 'Мағжан Жұмабаев ауданының ХҚО' },
  uralsk: { ru: 'ЦОН города Уральска', kk: 'Орал қаласының ХҚО' },
  karaganda: { ru: 'ЦОН города Караганды', kk: 'Қарағанды қаласының ХҚО' },
};

export const organisations: Organisation[] = [
  ...Object.entries(centres).map(([district, name]): Organisation => ({ code: `con-${district}`, kind: 'centre', name, district })),
  {
    // Seed 004 (район Магжана Жумабаева) takes requests in mobile centres; seed 003 (Kokpekty) names
    // none, so a mobile centre there could take in no service at all.
    code: 'mobile-m-zhumabaev',
    kind: 'centre',
    name: { ru: 'Мобильный ЦОН района Магжана Жумабаева', kk: 'Мағжан Жұмабаев ауданының жылжымалы ХҚО' },
    district: 'm-zhumabaev',
  },
  ...Object.entries(educationDepartments).map(([district, name]): Organisation => ({ code: `edu-${district}`, kind: 'provider', name, district })),
  {
    code: 'social-kokpekty',
    kind: 'provider',
    name: {
      ru: 'ГУ «Отдел занятости и социальных программ Кокпектинского района»',
      kk: '«Көкпекті ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі» ММ',
    },
    district: 'kokpekty',
  },
  {
    code: 'housing-kokpekty',
    kind: 'provider',
    name: {
      ru: 'ГУ «Отдел жилищно-коммунального хозяйства, пассажирского транспорта и автомобильных дорог Кокпектинского района»',
      kk: '«Көкпекті ауданының тұрғын үй-коммуналдық шаруашылығы, жолаушылар көлігі және автомобиль жолдары бөлімі» ММ',
    },
    district: 'kokpekty',
  },
];

/**
 * Every catalog service has a route. Those of the отдел занятости и социальных программ and of the
 * отдел ЖКХ exist in Kokpekty only (seed 003 is Kokpekty's regulation, the only one naming them);
 * the rest — education department, МИО района, сельский аким, a provider the text leaves blank —
 * go to each district's education department, which carries the guardianship functions
 * (орган опеки и попечительства) in the seeds. A simplification of the emulator, not of the regulations.
 */
export const routes: Route[] = catalog.services.flatMap((service): Route[] => {
  const kinds = service.variants.map((variant) => variant.provider.kind);
  if (kinds.includes('employmentDepartment')) return [{ service: service.id, district: 'kokpekty', provider: 'social-kokpekty' }];
  if (kinds.includes('housingDepartment')) return [{ service: service.id, district: 'kokpekty', provider: 'housing-kokpekty' }];
  return Object.keys(educationDepartments).map((district) => ({ service: service.id, district, provider: `edu-${district}` }));
});

const fixedHolidays: Array<[string, Bilingual]> = [
  ['01-01', { ru: 'Новый год', kk: 'Жаңа жыл' }],
  ['01-02', { ru: 'Новый год', kk: 'Жаңа жыл' }],
  ['01-07', { ru: 'Православное Рождество', kk: 'Православиелік Рождество' }],
  ['03-08', { ru: 'Международный женский день', kk: 'Халықаралық әйелдер күні' }],
  ['03-21', { ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' }],
  ['03-22', { ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' }],
  ['03-23', { ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' }],
  ['05-01', { ru: 'Праздник единства народа Казахстана', kk: 'Қазақстан халқының бірлігі мерекесі' }],
  ['05-07', { ru: 'День защитника Отечества', kk: 'Отан қорғаушы күні' }],
  ['05-09', { ru: 'День Победы', kk: 'Жеңіс күні' }],
  ['07-06', { ru: 'День столицы', kk: 'Астана күні' }],
  ['08-30', { ru: 'День Конституции', kk: 'Конституция күні' }],
  ['10-25', { ru: 'День Республики', kk: 'Республика күні' }],
  ['12-16', { ru: 'День Независимости', kk: 'Тәуелсіздік күні' }],
];

/**
 * Demo calendar, not from the seeds (they name no holidays): the fixed-date public holidays and
 * the first day of Курбан айт, which the government sets each year. Transferred days off
 * (переносы выходных) are published yearly and are not in the emulator.
 */
export const holidays: Array<{ date: string; name: Bilingual }> = [2025, 2026].flatMap((year) => [
  ...fixedHolidays.map(([day, name]) => ({ date: `${year}-${day}`, name })),
  { date: year === 2025 ? '2025-06-06' : '2026-05-27', name: { ru: 'Курбан айт', kk: 'Құрбан айт' } },
]).sort((a, b) => a.date.localeCompare(b.date));
