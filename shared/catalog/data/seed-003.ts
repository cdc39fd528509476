import type { Citation, VariantInput } from '../schema';

// Seed 003: Kokpekty district akimat (East Kazakhstan region) decree N 417 of 24.12.2012, seven
// e-service regulations. The term of each channel is the norm of the last action «Получение
// потребителем результата услуги» in the annex tables «Описание действий СФЕ через …».
// The document lists are in п.11 of the Standards (ПП РК № 394, № 1119, № 76), not in the seeds,
// except Reg.2, whose application form lists them.

const seed = '003_1f0aa295ea31cb42.txt';
const c = (paragraph: string, line?: number, quote?: string): Citation => ({ seed, paragraph, ...(line ? { line } : {}), ...(quote ? { quote } : {}) });

const REGION = { ru: 'Кокпектинский район Восточно-Казахстанской области', kk: 'Шығыс Қазақстан облысы Көкпекті ауданы' };
const ACT = 'Постановление акимата Кокпектинского района от 24 декабря 2012 года N 417';
const REPEALED = 'постановлением акимата Кокпектинского района от 13.05.2013 N 127';
const SOCIAL = 'Постановление Правительства РК от 7 апреля 2011 года № 394 (стандарты в сфере социальной защиты)';
const EDUCATION = 'Постановление Правительства РК от 31 августа 2012 года № 1119 (стандарты в сфере образования и науки)';
const HOUSING = 'Постановление Правительства РК от 8 февраля 2010 года № 76';
const EMPLOYMENT = 'ГУ «Отдел занятости и социальных программ Кокпектинского района»';
const EDUCATION_DEPT = 'ГУ «Отдел образования Кокпектинского района»';

type Unit = 'workingDays' | 'calendarDays' | 'minutes';
interface ChannelTerm {
  value: number;
  unit: Unit;
  /** The flow paragraph for this channel and the table cell with the term. */
  flow: string;
  table: string;
  line: number;
  quote: string;
}

function channel(kind: 'provider' | 'centre' | 'portal', reg: string, term: ChannelTerm): VariantInput['channels'][number] {
  return {
    kind,
    cite: [c(`${reg} ${term.flow}`)],
    term: { value: term.value, unit: term.unit, cite: [c(`${reg} ${term.table}, «Сроки исполнения», последнее действие`, term.line, term.quote)] },
    ...(kind === 'portal'
      ? {}
      : { counter: { maxWait: null, maxService: null, note: 'Время ожидания и обслуживания не указаны; в таблице СФЕ только нормы шагов (секунды, минуты).' } }),
  };
}

const text = (ru: string, kk: string) => ({ ru, kk });
function field(key: string, ru: string, kk: string, type: VariantInput['applicationForm']['fields'][number]['type'], cite: Citation, required = true) {
  return { key, label: text(ru, kk), kkSource: 'translation' as const, type, required, cite: [cite] };
}

/** Generic negative branches of flows A (portal), B (provider) and C (ЦОН), cited per regulation. */
function flowGrounds(reg: string, portal: string, registryFlow: string): VariantInput['refusalGrounds'] {
  return [
    { code: 'authorisationRefused', cite: [c(`${reg} ${portal} пп.4`, undefined, 'отказе в авторизации в связи с имеющимися нарушениями в данных потребителя')] },
    { code: 'signatureNotConfirmed', cite: [c(`${reg} ${portal} пп.7`, undefined, 'неподтверждением подлинности ЭЦП потребителя')] },
    { code: 'noRegistryData', cite: [c(`${reg} ${registryFlow} пп.5`, undefined, 'невозможности получения данных')] },
    { code: 'documentViolations', cite: [c(`${reg} ${portal} пп.11`, undefined, 'в связи с имеющимися нарушениями в документах потребителя')] },
  ];
}

const centreRepresentative = (reg: string, flow: string): VariantInput['representative'] => ({
  allowed: true,
  notarisationRequired: false,
  enisCheck: true,
  cite: [c(`${reg} ${flow} пп.2`, undefined, 'при нотариально удостоверенной доверенности, при ином удостоверении доверенности - данные доверенности не заполняются')],
});

const absentList = (reg: string, portal: string, standard: string) => ({
  items: [],
  listAbsent: { standard: `пункт 11 Стандарта (${standard})`, cite: [c(`${reg} ${portal} пп.5`, undefined, 'указанных в пункте 11 Стандарта')] },
});

const base: Pick<VariantInput, 'seed' | 'region' | 'act' | 'repealed' | 'steps'> = { seed, region: REGION, act: ACT, repealed: REPEALED, steps: [] };
/** The definition «потребитель – физическое лицо…» of п.5; the PDF text moved the word «потребитель» to the line end. */
const individuals = (reg: string, subparagraph: number, line: number, note?: string) => ({
  kinds: ['individuals' as const],
  cite: [c(`${reg} п.5 пп.${subparagraph}`, line, 'физическое лицо, которому оказывается электронная')],
  ...(note ? { note } : {}),
});

export const variants: VariantInput[] = [
  {
    ...base,
    id: '003-r1',
    serviceId: 'unemployed-certificate',
    standard: SOCIAL,
    provider: { kind: 'employmentDepartment', name: EMPLOYMENT, cite: [c('Рег.1 п.1', 58)] },
    recipients: individuals('Рег.1', 11, 111, 'Зарегистрированные безработные (по смыслу справки).'),
    channels: [
      channel('portal', 'Рег.1', { value: 10, unit: 'minutes', flow: 'п.6', table: 'прил.1 табл.1 д.8', line: 496, quote: '10 минут' }),
      channel('provider', 'Рег.1', { value: 10, unit: 'minutes', flow: 'п.7', table: 'прил.1 табл.2 д.8', line: 670, quote: '10 минут' }),
      channel('centre', 'Рег.1', { value: 3, unit: 'workingDays', flow: 'п.8', table: 'прил.1 табл.3 д.9', line: 879, quote: '3 рабочих дня' }),
    ],
    documents: absentList('Рег.1', 'п.6', SOCIAL),
    refusalGrounds: flowGrounds('Рег.1', 'п.6', 'п.8'),
    representative: {
      allowed: null,
      notarisationRequired: null,
      enisCheck: false,
      cite: [c('Рег.1 прил.1 табл.3 д.3–4', undefined, 'Направление запроса в ГБД ФЛ, ЕНИС')],
      note: 'п.8 (ЦОН) о доверенности молчит, а таблица 3 называет запрос в ЕНИС.',
    },
    applicationForm: {
      reference: 'Экранная форма заявления (прил.3): «Прошу выдать мне справку о статусе безработного(ой) за период…»',
      cite: [c('Рег.1 прил.3')],
      fields: [
        field('applicantName', 'ФИО заявителя', 'Өтініш берушінің Т.А.Ә.', 'text', c('Рег.1 прил.3', undefined, '(ФИО заявителя)')),
        field('applicantAddress', 'Адрес', 'Мекенжайы', 'address', c('Рег.1 прил.3', 930)),
        field('applicantPhone', 'Телефон', 'Телефон', 'phone', c('Рег.1 прил.3', undefined, 'Телефон')),
        field('periodFrom', 'Период: с', 'Кезең: бастап', 'date', c('Рег.1 прил.3', 939, 'Прошу выдать мне справку о статусе безработного(ой) за период')),
        field('periodTo', 'Период: по', 'Кезең: дейін', 'date', c('Рег.1 прил.3', 940)),
      ],
    },
    results: [
      {
        kind: 'certificate',
        name: text('Справка о регистрации в качестве безработного', 'Жұмыссыздық ретінде тіркеу туралы анықтама'),
        kkSource: 'seed',
        templateId: '003-r1.certificate',
        cite: [c('Рег.1 прил.3', undefined, 'ЖҰМЫССЫЗДЫҚ РЕТІНДЕ ТІРКЕУ ТУРАЛЫ АНЫҚТАМА')],
      },
    ],
    refusal: { templateId: '003-r1.refusal', form: 'freeLetter', cite: [c('Рег.1 прил.3', undefined, 'Доводим до Вашего сведения, что Вам отказано в предоставлении справки безработного.')] },
    gaps: [
      'Список документов (п.11 Стандарта ПП № 394) отсутствует; форма заявления заканчивается «К заявлению прилагаются документы:» без перечня.',
      'Образец отказа содержит тестовые данные («отказ на казахском»); штрих-код называет акимат Аксу.',
    ],
  },
  {
    ...base,
    id: '003-r2',
    serviceId: 'disabled-child-home-support',
    standard: SOCIAL,
    provider: { kind: 'employmentDepartment', name: EMPLOYMENT, cite: [c('Рег.2 п.1', 1120)] },
    recipients: individuals('Рег.2', 11, 1176, 'Родитель или законный представитель ребёнка (по форме заявления).'),
    channels: [
      channel('provider', 'Рег.2', { value: 10, unit: 'workingDays', flow: 'п.6', table: 'прил.2 табл.1 д.8', line: 1528, quote: '10 рабочих дней' }),
      channel('portal', 'Рег.2', { value: 10, unit: 'workingDays', flow: 'п.7', table: 'прил.2 табл.2 д.8', line: 1751, quote: '10 рабочих дней' }),
    ],
    documents: {
      items: [
        ['Электронная копия свидетельства о рождении ребенка', 'Баланың туу туралы куәлігінің электрондық көшірмесі', 'электронная копия свидетельства о рождении ребенка'],
        ['Электронная копия книги регистрации граждан либо справки адресного бюро', 'Азаматтарды тіркеу кітабының не мекенжай бюросы анықтамасының электрондық көшірмесі', 'электронная копия книги регистрации граждан либо справки'],
        ['Электронная копия заключения психолого-педагогической консультации', 'Психологиялық-педагогикалық консультация қорытындысының электрондық көшірмесі', 'электронная копия заключения психолого-педагогической'],
        ['Электронная копия справки об инвалидности', 'Мүгедектік туралы анықтаманың электрондық көшірмесі', 'электронная копия справки об инвалидности'],
        ['Электронная копия документа о наличии счета в банке', 'Банктегі шоттың бар екені туралы құжаттың электрондық көшірмесі', 'электронная копия документа о наличии счета в банке'],
      ].map(([ru = '', kk = '', quote = '']) => ({
        name: text(ru, kk),
        kkSource: 'translation' as const,
        form: 'electronicCopy' as const,
        requirement: 'required' as const,
        cite: [c('Рег.2 прил.4, форма заявления', undefined, quote)],
      })),
    },
    refusalGrounds: [
      { code: 'authorisationRefused', cite: [c('Рег.2 п.7 пп.4')] },
      { code: 'signatureNotConfirmed', cite: [c('Рег.2 п.7 пп.7')] },
      { code: 'noRegistryData', cite: [c('Рег.2 п.6 пп.5', undefined, 'невозможности получения данных')] },
      { code: 'documentViolations', cite: [c('Рег.2 п.7 пп.11')] },
      { code: 'commissionConclusion', cite: [c('Рег.2 прил.4, форма отказа', undefined, 'при формировании заключения комиссии')] },
    ],
    representative: { allowed: null, notarisationRequired: null, enisCheck: false, cite: [], note: 'Канала ЦОН нет; о представителе регламент не говорит.' },
    applicationForm: {
      reference: 'Экранная форма заявления на электронную государственную услугу (прил.4)',
      cite: [c('Рег.2 прил.4')],
      fields: [
        field('applicantName', 'ФИО заявителя', 'Өтініш берушінің Т.А.Ә.', 'text', c('Рег.2 прил.4')),
        field('applicantAddress', 'Адрес', 'Мекенжайы', 'address', c('Рег.2 прил.4')),
        field('applicantPhone', 'Телефон', 'Телефон', 'phone', c('Рег.2 прил.4')),
        field('identityDocumentNumber', '№ удостоверения личности, кем и когда выдано', 'Жеке куәліктің №, кім және қашан берген', 'text', c('Рег.2 прил.4')),
        field('rnn', 'РНН', 'СТН', 'text', c('Рег.2 прил.4', 1820), false),
        field('sik', 'СИК', 'ӘЖК', 'text', c('Рег.2 прил.4', 1821, 'СИК'), false),
        field('childName', 'ФИО ребенка', 'Баланың Т.А.Ә.', 'text', c('Рег.2 прил.4')),
        field('childBirthDate', 'Дата рождения ребенка', 'Баланың туған күні', 'date', c('Рег.2 прил.4')),
        field('bankAccount', '№ лицевого счета и наименование банка', 'Дербес шоттың № және банктің атауы', 'text', c('Рег.2 прил.4')),
      ],
    },
    results: [
      {
        kind: 'notification',
        name: text('Уведомление о назначении материального обеспечения', 'Материалдық қамтамасыз етуді тағайындау туралы хабарлама'),
        kkSource: 'translation',
        templateId: '003-r2.notification',
        cite: [c('Рег.2 прил.4'), c('Рег.2 п.6 пп.10', undefined, 'уведомление об оформлении документов')],
      },
    ],
    refusal: { templateId: '003-r2.refusal', form: 'freeLetter', cite: [c('Рег.2 прил.4', undefined, 'при формировании заключения комиссии')] },
    gaps: ['Единственная услуга со списком документов; РНН и СИК — устаревшие реквизиты.', 'Комиссия, чьё заключение лежит в основе отказа, не описана.'],
  },
  {
    ...base,
    id: '003-r3',
    serviceId: 'preschool-queue',
    standard: EDUCATION,
    provider: { kind: 'educationDepartment', also: ['ruralAkim'], name: `${EDUCATION_DEPT}, аппараты акимов сельских округов`, cite: [c('Рег.3 п.1', 1916)] },
    recipients: individuals('Рег.3', 12, 1980, 'Родитель или законный представитель ребёнка до 7 лет.'),
    channels: [
      channel('provider', 'Рег.3', { value: 3, unit: 'workingDays', flow: 'п.6', table: 'прил.2 табл.1 д.8', line: 2377, quote: '3 рабочих дней' }),
      channel('centre', 'Рег.3', { value: 3, unit: 'workingDays', flow: 'п.7', table: 'прил.2 табл.2 д.9', line: 2595, quote: '3 рабочих дня' }),
      channel('portal', 'Рег.3', { value: 3, unit: 'workingDays', flow: 'п.8', table: 'прил.2 табл.3 д.8', line: 2793, quote: '3 рабочих дня' }),
    ],
    documents: absentList('Рег.3', 'п.8', EDUCATION),
    refusalGrounds: flowGrounds('Рег.3', 'п.8', 'п.7'),
    representative: centreRepresentative('Рег.3', 'п.7'),
    applicationForm: { reference: 'Формы заявлений — на веб-портале «электронного правительства» (п.9); в регламенте формы заявления нет.', cite: [c('Рег.3 п.9')], fields: [] },
    results: [
      {
        kind: 'referral',
        name: text('Направление в детскую дошкольную организацию', 'Мектепке дейінгі балалар ұйымына жолдама'),
        kkSource: 'translation',
        templateId: '003-r3.referral',
        validity: 'Направление должно быть предоставлено в дошкольную организацию в течение пяти дней со дня его выдачи.',
        validFor: { value: 5, unit: 'days' },
        cite: [c('Рег.3 прил.3', 2838, 'в течение пяти дней со дня его выдачи.')],
      },
      {
        kind: 'notification',
        name: text('Уведомление о постановке на очередь', 'Кезекке қою туралы хабарлама'),
        kkSource: 'translation',
        templateId: '003-r3.notification',
        queue: 'preschool',
        cite: [c('Рег.3 п.8 пп.12', undefined, 'направление в ДДО либо уведомление о постановке на очередь')],
      },
    ],
    resultsIssued: 'oneOf',
    refusal: { templateId: '003-r3.refusal', form: 'freeLetter', cite: [c('Рег.3 прил.3', undefined, '(причина отказа)')] },
    gaps: ['Список документов (п.11 Стандарта ПП № 1119) отсутствует.', 'Журнал регистрации детей дошкольного возраста упомянут, но не описан.'],
  },
  {
    ...base,
    id: '003-r4',
    serviceId: 'guardianship-certificate',
    standard: EDUCATION,
    provider: { kind: 'educationDepartment', name: `${EDUCATION_DEPT} (МИО)`, cite: [c('Рег.4 п.1', 2962), c('Рег.4 п.5 пп.5')] },
    recipients: individuals('Рег.4', 12, 3019, 'Опекун или попечитель (по форме справки).'),
    channels: [
      channel('centre', 'Рег.4', { value: 5, unit: 'workingDays', flow: 'п.6', table: 'прил.1 табл.1 д.9', line: 3382, quote: '5 рабочих дней' }),
      channel('portal', 'Рег.4', { value: 5, unit: 'workingDays', flow: 'п.7', table: 'прил.1 табл.2 д.8', line: 3587, quote: '5 рабочих дней' }),
    ],
    documents: absentList('Рег.4', 'п.7', EDUCATION),
    refusalGrounds: [
      ...flowGrounds('Рег.4', 'п.7', 'п.6'),
      { code: 'guardianshipRegisterNoRecord', cite: [c('Рег.4 прил.3, форма отказа', undefined, 'Причина отказа: запись не найдена в Электронном реестре по опеке и попечительству')] },
    ],
    representative: centreRepresentative('Рег.4', 'п.6'),
    applicationForm: { reference: 'Формы — на веб-портале «электронного правительства» на государственном и русском языках (п.8).', cite: [c('Рег.4 п.8')], fields: [] },
    results: [
      {
        kind: 'certificate',
        name: text('Справка об опеке и попечительстве', 'Қорғаншылық және қамқоршылық жөнінде анықтама'),
        // Verbatim in seed 002 п.3.
        kkSource: 'seed',
        templateId: '003-r4.certificate',
        cite: [c('Рег.4 прил.3'), c('Рег.4 п.6 пп.11', undefined, '(справки)')],
      },
    ],
    refusal: { templateId: '003-r4.refusal', form: 'freeLetter', cite: [c('Рег.4 прил.3')] },
    gaps: ['Анкета (прил.4) носит название услуги Рег.5.', 'Электронный реестр по опеке и попечительству не входит в перечень СФЕ.'],
  },
  {
    ...base,
    id: '003-r5',
    serviceId: 'minor-property-transaction-certificate',
    standard: EDUCATION,
    provider: { kind: 'educationDepartment', name: `${EDUCATION_DEPT} (МИО)`, cite: [c('Рег.5 п.1', 3739)] },
    recipients: individuals('Рег.5', 12, 3807, 'Родители (супруги) или законные представители несовершеннолетних.'),
    channels: [
      channel('centre', 'Рег.5', { value: 5, unit: 'workingDays', flow: 'п.6', table: 'прил.1 табл.1 д.9', line: 4172, quote: '5 рабочих дней' }),
      channel('portal', 'Рег.5', { value: 5, unit: 'workingDays', flow: 'п.7', table: 'прил.1 табл.2 д.8', line: 4381, quote: '5 рабочих дней' }),
    ],
    documents: absentList('Рег.5', 'п.7', EDUCATION),
    refusalGrounds: flowGrounds('Рег.5', 'п.7', 'п.6'),
    representative: centreRepresentative('Рег.5', 'п.6'),
    applicationForm: {
      reference: 'Экранные формы заявлений (прил.3): продажа (обмен, дарение); залог.',
      cite: [c('Рег.5 прил.3')],
      fields: [
        field('spousesNames', 'ФИО супругов полностью, точно по документу, удостоверяющему личность', 'Ерлі-зайыптылардың жеке басын куәландыратын құжат бойынша толық Т.А.Ә.', 'text', c('Рег.5 прил.3', undefined, '(Ф.И.О. полностью, без сокращений точно по документу, удостоверяющему личность)')),
        field('applicantAddress', 'Адрес проживания, телефон', 'Тұратын мекенжайы, телефоны', 'address', c('Рег.5 прил.3', undefined, 'проживающих по адресу, телефон')),
        field('transaction', 'Сделка: продажа, обмен, дарение или залог', 'Мәміле: сату, айырбастау, сыйға тарту немесе кепіл', 'choice', c('Рег.5 прил.3', undefined, 'Просим Вашего разрешения на продажу (обмен, дарение)')),
        field('propertyAddress', 'Адрес имущества', 'Мүліктің мекенжайы', 'address', c('Рег.5 прил.3', undefined, 'квартиры, расположенной по адресу')),
        field('children', 'Дети: ФИО, год рождения, № свидетельства о рождении', 'Балалар: Т.А.Ә., туған жылы, туу туралы куәліктің №', 'text', c('Рег.5 прил.3', undefined, 'указать Ф.И.О. детей, год рождения, № свидетельства о рождении')),
        field('fatherDetails', 'Сведения об отце', 'Әкесі туралы мәліметтер', 'text', c('Рег.5 прил.3', undefined, 'Сведения об отце')),
        field('motherDetails', 'Сведения о матери', 'Шешесі туралы мәліметтер', 'text', c('Рег.5 прил.3', undefined, 'Сведения о матери')),
        field('futureAddress', 'Адрес дальнейшего проживания', 'Бұдан әрі тұратын мекенжайы', 'address', c('Рег.5 прил.3', undefined, 'Адрес дальнейшего проживания')),
      ],
    },
    results: [
      {
        kind: 'permission',
        name: text('Справка-разрешение на сделку с имуществом несовершеннолетних', 'Кәмелетке толмағандардың мүлкімен мәмілеге анықтама-рұқсат'),
        kkSource: 'translation',
        templateId: '003-r5.permission',
        validity: 'Справка действительна в течение 1 (одного) месяца со дня выдачи.',
        validFor: { value: 1, unit: 'months' },
        cite: [c('Рег.5 прил.3', undefined, 'Справка действительна в течение 1 (одного) месяца со дня выдачи')],
      },
    ],
    refusal: { templateId: '003-r5.refusal', form: 'freeLetter', cite: [c('Рег.5 прил.3')] },
    gaps: ['Согласие детей старше 10 лет, собственноручные фразы и подписи обоих супругов — только на бумаге (сканируются в ЦОН).'],
  },
  {
    ...base,
    id: '003-r6',
    serviceId: 'minor-deposits-inheritance-certificate',
    standard: EDUCATION,
    provider: { kind: 'educationDepartment', name: `${EDUCATION_DEPT} (МИО)`, cite: [c('Рег.6 п.1', 4609)] },
    recipients: individuals('Рег.6', 12, 4684, 'Законные представители несовершеннолетних.'),
    channels: [
      channel('centre', 'Рег.6', { value: 5, unit: 'workingDays', flow: 'п.6', table: 'прил.1 табл.1 д.9', line: 5047, quote: '5 рабочих дней' }),
      channel('portal', 'Рег.6', { value: 5, unit: 'workingDays', flow: 'п.7', table: 'прил.1 табл.2 д.8', line: 5239, quote: '5 рабочих дней' }),
    ],
    documents: absentList('Рег.6', 'п.7', EDUCATION),
    refusalGrounds: flowGrounds('Рег.6', 'п.7', 'п.6'),
    representative: centreRepresentative('Рег.6', 'п.6'),
    applicationForm: {
      reference: 'Три формы заявления (прил.3): пенсионный фонд, банк, транспортное средство.',
      cite: [c('Рег.6 прил.3')],
      fields: [
        field('applicantName', 'ФИО заявителя', 'Өтініш берушінің Т.А.Ә.', 'text', c('Рег.6 прил.3', undefined, '(Ф.И.О.  заявителя)')),
        field('applicantAddress', 'Адрес проживания, телефон', 'Тұратын мекенжайы, телефоны', 'address', c('Рег.6 прил.3', undefined, 'адрес  проживания,  телефон')),
        field('addressee', 'Куда: пенсионный фонд, банк или подразделение дорожной полиции', 'Қайда: зейнетақы қоры, банк немесе жол полициясы бөлімшесі', 'choice', c('Рег.6 прил.3')),
        field('minorChildren', 'Несовершеннолетние дети (ФИО)', 'Кәмелетке толмаған балалар (Т.А.Ә.)', 'text', c('Рег.6 прил.3', undefined, 'за несовершеннолетних детей (Ф.И.О.)')),
      ],
    },
    results: [
      // Three layouts by addressee (прил.3): the clerk issues the one the application asks for.
      ...(
        [
          ['pension', 'Справка в накопительный пенсионный фонд', 'Жинақтаушы зейнетақы қорына анықтама', 'получить наследуемые пенсионные накопления'],
          ['bank', 'Справка в банк', 'Банкке анықтама', 'распорядиться вкладами несовершеннолетнего ребенка (детей)'],
          ['police', 'Справка в территориальное подразделение Комитета дорожной полиции', 'Жол полициясы комитетінің аумақтық бөлімшесіне анықтама', 'транспортного средства'],
        ] as const
      ).map(([layout, ru, kk, quote]) => ({
        kind: 'certificate' as const,
        name: text(ru, kk),
        kkSource: 'translation' as const,
        templateId: `003-r6.${layout}`,
        validity: 'Справка действительна в течение 1 (одного) месяца со дня выдачи.',
        validFor: { value: 1, unit: 'months' as const },
        cite: [c('Рег.6 прил.3', undefined, quote), c('Рег.6 прил.3', undefined, 'действительна в течение 1 (одного) месяца со дня выдачи')],
      })),
    ],
    resultsIssued: 'oneOf',
    refusal: { templateId: '003-r6.refusal', form: 'freeLetter', cite: [c('Рег.6 прил.3')] },
    gaps: ['Три адресата справки — три макета; в подписях прил.3 опечатка «для распоряжение вкладами».'],
  },
  {
    ...base,
    id: '003-r7',
    serviceId: 'housing-queue',
    standard: HOUSING,
    provider: {
      kind: 'housingDepartment',
      name: 'ГУ «Отдел жилищно-коммунального хозяйства, пассажирского транспорта и автомобильных дорог Кокпектинского района»',
      cite: [c('Рег.7 п.1', 5578)],
    },
    recipients: individuals('Рег.7', 11, 5644, 'Граждане, нуждающиеся в жилище.'),
    channels: [
      channel('provider', 'Рег.7', { value: 30, unit: 'calendarDays', flow: 'п.6', table: 'прил.1 табл.1 д.8', line: 5990, quote: '30 календарных дней' }),
      channel('centre', 'Рег.7', { value: 30, unit: 'calendarDays', flow: 'п.7', table: 'прил.1 табл.2 д.9', line: 6203, quote: '3 0 календарных дней' }),
      channel('portal', 'Рег.7', { value: 30, unit: 'calendarDays', flow: 'п.8', table: 'прил.1 табл.3 д.8', line: 6422, quote: '30 календарных дней' }),
    ],
    documents: absentList('Рег.7', 'п.8', HOUSING),
    refusalGrounds: flowGrounds('Рег.7', 'п.8', 'п.7'),
    representative: centreRepresentative('Рег.7', 'п.7'),
    applicationForm: { reference: 'Формы заявления — на веб-портале «электронного правительства» (п.9).', cite: [c('Рег.7 п.9')], fields: [] },
    results: [
      {
        kind: 'notification',
        name: text('Уведомление о постановке на учет граждан, нуждающихся в жилье (с номером очереди)', 'Тұрғын үйге мұқтаж азаматтар есебіне қою туралы хабарлама (кезек нөмірімен)'),
        kkSource: 'translation',
        templateId: '003-r7.notification',
        queue: 'housing',
        cite: [c('Рег.7 прил.3', undefined, 'Вы поставлены на учет граждан, нуждающихся в жилье из государственного жилищного фонда')],
      },
    ],
    refusal: { templateId: '003-r7.refusal', form: 'freeLetter', cite: [c('Рег.7 прил.3', undefined, 'отказано в постановке на учет граждан, нуждающихся в жилье')] },
    gaps: ['Решение принимает жилищная комиссия, которая в регламенте не описана.', 'Штрих-код называет акимат Аксу.'],
  },
];
