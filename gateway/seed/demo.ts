import type { Person, PowerOfAttorney } from '../../shared/gateway/api';
import { services } from './directory';

// The documented demo data (docs/gateway-api.md, "Demo data"): fixed IINs that training, demos and
// e2e tests can type. Invented people; IINs are makeIin(birthDate, sex, serial) with serials < 100.

const ID_CARD_ISSUER = { ru: 'МВД РК', kk: 'ҚР ІІМ' };
const BIRTH_REGISTRY = { ru: 'Органы регистрации актов гражданского состояния', kk: 'Азаматтық хал актілерін тіркеу органдары' };
const KOKPEKTY_HOME = {
  ru: 'Кокпектинский район, Восточно-Казахстанская область, с. Кокпекты, ул. Абая, д. 12',
  kk: 'Шығыс Қазақстан облысы, Көкпекті ауданы, Көкпекті ауылы, Абай көшесі, 12-үй',
};

export const demoIins = {
  mother: '900412400014',
  father: '880903300010',
  preschoolChild: '190620500010',
  schoolChild: '120214600017',
  guardian: '751130400011',
  ward: '140805600013',
  attorney: '820125300010',
  /** Residents of the two districts no other demo person lives in: the catalog walk files 004's and 002's portal services as them. */
  zhumabaevResident: '860517412009',
  karagandaResident: '791008312002',
  /** A valid IIN that ГБД ФЛ does not hold: the "data cannot be obtained" path. */
  unknown: '850505300011',
} as const;

export const demoPersons: Person[] = [
  {
    iin: demoIins.father,
    surname: { ru: 'Сарсенбаев', kk: 'Сәрсенбаев' },
    name: { ru: 'Нурлан', kk: 'Нұрлан' },
    patronymic: { ru: 'Асхатович', kk: 'Асхатұлы' },
    birthDate: '1988-09-03',
    sex: 'male',
    district: 'kokpekty',
    address: KOKPEKTY_HOME,
    document: { kind: 'id-card', number: '045781236', issuedOn: '2019-10-15', issuer: ID_CARD_ISSUER },
    fatherIin: null,
    motherIin: null,
  },
  {
    iin: demoIins.mother,
    surname: { ru: 'Сарсенбаева', kk: 'Сәрсенбаева' },
    name: { ru: 'Айгерим', kk: 'Әйгерім' },
    patronymic: { ru: 'Ерлановна', kk: 'Ерланқызы' },
    birthDate: '1990-04-12',
    sex: 'female',
    district: 'kokpekty',
    address: KOKPEKTY_HOME,
    document: { kind: 'id-card', number: '046120577', issuedOn: '2021-03-02', issuer: ID_CARD_ISSUER },
    fatherIin: null,
    motherIin: null,
  },
  {
    iin: demoIins.preschoolChild,
    surname: { ru: 'Сарсенбаев', kk: 'Сәрсенбаев' },
    name: { ru: 'Алихан', kk: 'Әлихан' },
    patronymic: { ru: 'Нурланович', kk: 'Нұрланұлы' },
    birthDate: '2019-06-20',
    sex: 'male',
    district: 'kokpekty',
    address: KOKPEKTY_HOME,
    document: { kind: 'birth-certificate', number: '3318204', issuedOn: '2019-07-01', issuer: BIRTH_REGISTRY },
    fatherIin: demoIins.father,
    motherIin: demoIins.mother,
  },
  {
    iin: demoIins.schoolChild,
    surname: { ru: 'Сарсенбаева', kk: 'Сәрсенбаева' },
    name: { ru: 'Аружан', kk: 'Аружан' },
    patronymic: { ru: 'Нурлановна', kk: 'Нұрланқызы' },
    birthDate: '2012-02-14',
    sex: 'female',
    district: 'kokpekty',
    address: KOKPEKTY_HOME,
    document: { kind: 'birth-certificate', number: '2140733', issuedOn: '2012-02-28', issuer: BIRTH_REGISTRY },
    fatherIin: demoIins.father,
    motherIin: demoIins.mother,
  },
  {
    iin: demoIins.guardian,
    surname: { ru: 'Кузнецова', kk: 'Кузнецова' },
    name: { ru: 'Ольга', kk: 'Ольга' },
    patronymic: { ru: 'Викторовна', kk: 'Викторовна' },
    birthDate: '1975-11-30',
    sex: 'female',
    district: 'uralsk',
    address: { ru: 'г. Уральск, Западно-Казахстанская область, ул. Мира, д. 41', kk: 'Батыс Қазақстан облысы, Орал қаласы, Бейбітшілік көшесі, 41-үй' },
    document: { kind: 'id-card', number: '041009352', issuedOn: '2017-06-08', issuer: ID_CARD_ISSUER },
    fatherIin: null,
    motherIin: null,
  },
  {
    // A ward (подопечная): parents not recorded.
    iin: demoIins.ward,
    surname: { ru: 'Орлова', kk: 'Орлова' },
    name: { ru: 'Дарья', kk: 'Дарья' },
    patronymic: { ru: 'Андреевна', kk: 'Андреевна' },
    birthDate: '2014-08-05',
    sex: 'female',
    district: 'uralsk',
    address: { ru: 'г. Уральск, Западно-Казахстанская область, ул. Мира, д. 41', kk: 'Батыс Қазақстан облысы, Орал қаласы, Бейбітшілік көшесі, 41-үй' },
    document: { kind: 'birth-certificate', number: '2588190', issuedOn: '2014-08-19', issuer: BIRTH_REGISTRY },
    fatherIin: null,
    motherIin: null,
  },
  {
    iin: demoIins.attorney,
    surname: { ru: 'Оспанов', kk: 'Оспанов' },
    name: { ru: 'Бауыржан', kk: 'Бауыржан' },
    patronymic: { ru: 'Канатович', kk: 'Қанатұлы' },
    birthDate: '1982-01-25',
    sex: 'male',
    district: 'zhambyl-sko',
    address: { ru: 'Жамбылский район, Северо-Казахстанская область, с. Пресновка, ул. Школьная, д. 7', kk: 'Солтүстік Қазақстан облысы, Жамбыл ауданы, Пресновка ауылы, Мектеп көшесі, 7-үй' },
    document: { kind: 'id-card', number: '043377815', issuedOn: '2018-02-20', issuer: ID_CARD_ISSUER },
    fatherIin: null,
    motherIin: null,
  },
  {
    iin: demoIins.zhumabaevResident,
    surname: { ru: 'Ахметова', kk: 'Ахметова' },
    name: { ru: 'Динара', kk: 'Динара' },
    patronymic: { ru: 'Сериковна', kk: 'Серікқызы' },
    birthDate: '1986-05-17',
    sex: 'female',
    district: 'm-zhumabaev',
    address: {
      ru: 'г. Булаево, район Магжана Жумабаева, Северо-Казахстанская область, ул. Юбилейная, д. 5',
      kk: 'Солтүстік Қазақстан облысы, Мағжан Жұмабаев ауданы, Булаев қаласы, Мерейтой көшесі, 5-үй',
    },
    document: { kind: 'id-card', number: '047215530', issuedOn: '2020-09-14', issuer: ID_CARD_ISSUER },
    fatherIin: null,
    motherIin: null,
  },
  {
    iin: demoIins.karagandaResident,
    surname: { ru: 'Ким', kk: 'Ким' },
    name: { ru: 'Сергей', kk: 'Сергей' },
    patronymic: { ru: 'Владимирович', kk: 'Владимирович' },
    birthDate: '1979-10-08',
    sex: 'male',
    district: 'karaganda',
    address: { ru: 'г. Караганда, Карагандинская область, пр. Бухар-Жырау, д. 30', kk: 'Қарағанды облысы, Қарағанды қаласы, Бұқар жырау даңғылы, 30-үй' },
    document: { kind: 'id-card', number: '044680127', issuedOn: '2016-12-05', issuer: ID_CARD_ISSUER },
    fatherIin: null,
    motherIin: null,
  },
];

type StoredPowerOfAttorney = Omit<PowerOfAttorney, 'status'>;

const NOTARY_KOKPEKTY = { ru: 'Нотариус Жаксылыкова Гульнара Маратовна', kk: 'Нотариус Жақсылықова Гүлнара Маратқызы' };
const NOTARY_PRESNOVKA = { ru: 'Нотариус Лебедев Игорь Павлович', kk: 'Нотариус Лебедев Игорь Павлович' };

/** ЕНИС records: valid for every service, valid for two, revoked, expired. */
export const demoPowersOfAttorney: StoredPowerOfAttorney[] = [
  {
    number: '2025-000101',
    issuedOn: '2025-03-10',
    notary: NOTARY_KOKPEKTY,
    principalIin: demoIins.mother,
    attorneyIin: demoIins.attorney,
    scope: 'all',
    validFrom: '2025-03-10',
    validTo: '2028-03-09',
    revoked: false,
  },
  {
    number: '2025-000102',
    issuedOn: '2025-05-20',
    notary: NOTARY_KOKPEKTY,
    principalIin: demoIins.father,
    attorneyIin: demoIins.attorney,
    scope: [services.preschoolQueue, services.guardianshipCertificate],
    validFrom: '2025-05-20',
    validTo: '2027-05-19',
    revoked: false,
  },
  {
    number: '2024-000233',
    issuedOn: '2024-10-01',
    notary: NOTARY_PRESNOVKA,
    principalIin: demoIins.mother,
    attorneyIin: demoIins.attorney,
    scope: 'all',
    validFrom: '2024-10-01',
    validTo: '2027-09-30',
    revoked: true,
  },
  {
    number: '2023-000088',
    issuedOn: '2023-02-01',
    notary: NOTARY_PRESNOVKA,
    principalIin: demoIins.guardian,
    attorneyIin: demoIins.attorney,
    scope: [services.guardianshipCertificate],
    validFrom: '2023-02-01',
    validTo: '2024-01-31',
    revoked: false,
  },
];
