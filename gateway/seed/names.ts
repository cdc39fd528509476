import type { Bilingual } from '../../shared/gateway/api';

// Invented combinations of common names; none is taken from the regulations (seeds).
// Kazakh spelling uses the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і).

export interface GivenName {
  ru: string;
  kk: string;
}

/** Male names that end in a consonant, so both patronymic forms are regular. */
export const kazakhMale: GivenName[] = [
  { ru: 'Ерлан', kk: 'Ерлан' },
  { ru: 'Нурлан', kk: 'Нұрлан' },
  { ru: 'Айдар', kk: 'Айдар' },
  { ru: 'Ерболат', kk: 'Ерболат' },
  { ru: 'Даурен', kk: 'Дәурен' },
  { ru: 'Асхат', kk: 'Асхат' },
  { ru: 'Серик', kk: 'Серік' },
  { ru: 'Жандос', kk: 'Жандос' },
  { ru: 'Бауыржан', kk: 'Бауыржан' },
  { ru: 'Тимур', kk: 'Тимур' },
  { ru: 'Арман', kk: 'Арман' },
  { ru: 'Канат', kk: 'Қанат' },
  { ru: 'Марат', kk: 'Марат' },
  { ru: 'Азамат', kk: 'Азамат' },
  { ru: 'Галым', kk: 'Ғалым' },
  { ru: 'Жанибек', kk: 'Жәнібек' },
  { ru: 'Нуржан', kk: 'Нұржан' },
  { ru: 'Ержан', kk: 'Ержан' },
  { ru: 'Бекзат', kk: 'Бекзат' },
  { ru: 'Алихан', kk: 'Әлихан' },
];

export const kazakhFemale: GivenName[] = [
  { ru: 'Айгерим', kk: 'Әйгерім' },
  { ru: 'Гульнара', kk: 'Гүлнара' },
  { ru: 'Динара', kk: 'Динара' },
  { ru: 'Асель', kk: 'Әсел' },
  { ru: 'Жанар', kk: 'Жанар' },
  { ru: 'Айжан', kk: 'Айжан' },
  { ru: 'Сауле', kk: 'Сәуле' },
  { ru: 'Мадина', kk: 'Мадина' },
  { ru: 'Назерке', kk: 'Назерке' },
  { ru: 'Аружан', kk: 'Аружан' },
  { ru: 'Салтанат', kk: 'Салтанат' },
  { ru: 'Алия', kk: 'Әлия' },
  { ru: 'Гаухар', kk: 'Гауһар' },
  { ru: 'Жулдыз', kk: 'Жұлдыз' },
  { ru: 'Айнур', kk: 'Айнұр' },
  { ru: 'Меруерт', kk: 'Меруерт' },
];

/** Male form; the female form adds «а» in both spellings. */
export const kazakhSurnames: GivenName[] = [
  { ru: 'Сарсенбаев', kk: 'Сәрсенбаев' },
  { ru: 'Нурпеисов', kk: 'Нұрпейісов' },
  { ru: 'Кенжебаев', kk: 'Кенжебаев' },
  { ru: 'Оспанов', kk: 'Оспанов' },
  { ru: 'Тулегенов', kk: 'Төлегенов' },
  { ru: 'Жаксылыков', kk: 'Жақсылықов' },
  { ru: 'Есенов', kk: 'Есенов' },
  { ru: 'Абдрахманов', kk: 'Әбдірахманов' },
  { ru: 'Калиев', kk: 'Қалиев' },
  { ru: 'Байжанов', kk: 'Байжанов' },
  { ru: 'Мукашев', kk: 'Мұқашев' },
  { ru: 'Ергалиев', kk: 'Ерғалиев' },
  { ru: 'Султанбеков', kk: 'Сұлтанбеков' },
  { ru: 'Кусаинов', kk: 'Құсайынов' },
  { ru: 'Даулетов', kk: 'Дәулетов' },
  { ru: 'Турсынов', kk: 'Тұрсынов' },
  { ru: 'Серикбаев', kk: 'Серікбаев' },
  { ru: 'Ахметов', kk: 'Ахметов' },
];

export interface RussianName {
  name: string;
  /** Patronymics of this father's son and daughter (irregular: Сергеевич, Юрьевна). */
  son: string;
  daughter: string;
}

export const russianMale: RussianName[] = [
  { name: 'Александр', son: 'Александрович', daughter: 'Александровна' },
  { name: 'Сергей', son: 'Сергеевич', daughter: 'Сергеевна' },
  { name: 'Дмитрий', son: 'Дмитриевич', daughter: 'Дмитриевна' },
  { name: 'Андрей', son: 'Андреевич', daughter: 'Андреевна' },
  { name: 'Николай', son: 'Николаевич', daughter: 'Николаевна' },
  { name: 'Виктор', son: 'Викторович', daughter: 'Викторовна' },
  { name: 'Павел', son: 'Павлович', daughter: 'Павловна' },
  { name: 'Михаил', son: 'Михайлович', daughter: 'Михайловна' },
  { name: 'Иван', son: 'Иванович', daughter: 'Ивановна' },
  { name: 'Владимир', son: 'Владимирович', daughter: 'Владимировна' },
  { name: 'Алексей', son: 'Алексеевич', daughter: 'Алексеевна' },
  { name: 'Евгений', son: 'Евгеньевич', daughter: 'Евгеньевна' },
  { name: 'Юрий', son: 'Юрьевич', daughter: 'Юрьевна' },
  { name: 'Олег', son: 'Олегович', daughter: 'Олеговна' },
];

export const russianFemale = ['Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Анна', 'Мария', 'Юлия', 'Екатерина', 'Анастасия', 'Дарья'];

export const russianSurnames = ['Кузнецов', 'Смирнов', 'Попов', 'Васильев', 'Соколов', 'Морозов', 'Волков', 'Лебедев', 'Козлов', 'Новиков', 'Михайлов', 'Беляев', 'Орлов', 'Никитин', 'Фролов'];

export function femaleSurname(male: Bilingual): Bilingual {
  return { ru: `${male.ru}а`, kk: `${male.kk}а` };
}

/** Kazakh patronymic: «-ович/-овна» in Russian spelling, «-ұлы/-қызы» in Kazakh. */
export function kazakhPatronymic(father: GivenName, sex: 'male' | 'female'): Bilingual {
  return sex === 'male' ? { ru: `${father.ru}ович`, kk: `${father.kk}ұлы` } : { ru: `${father.ru}овна`, kk: `${father.kk}қызы` };
}
