import type { Citation, VariantInput } from '../schema';

// Seed 004: Magzhan Zhumabaev district (North Kazakhstan region) akimat decree N 565 of
// 12.12.2012, three e-service regulations in Kazakh (OCR text; quotes keep its errors). Terms are
// the «Орындалу мерзімі» rows of Appendix 1 (Table 1 portal, Table 2 Centre).

const seed = '004_fb5181694af341c1.txt';
const c = (paragraph: string, line?: number, quote?: string): Citation => ({ seed, paragraph, ...(line ? { line } : {}), ...(quote ? { quote } : {}) });

const STANDARD = 'Қазақстан Республикасы Үкіметінің 2012 жылғы 31 тамыздағы № 1119 қаулысымен бекітілген стандарт';
const PROVIDER = '«Солтүстік Қазақстан облысы Мағжан Жұмабаев ауданының білім бөлімі» мемлекеттік мекемесі';

type Term = { value: number; line: number; quote: string };
interface Regulation {
  n: 1 | 2 | 3;
  serviceId: string;
  lines: { p1: number; recipient: number; portal: number; centre: number; poa: number };
  portalTerm: Term | null;
  centreTerm: Term | null;
  issue: { line: number; quote: string };
  fields: VariantInput['applicationForm']['fields'];
  results: VariantInput['results'];
  resultsIssued?: VariantInput['resultsIssued'];
  refusal: VariantInput['refusal'];
  commission: boolean;
  gaps: string[];
}

const RETURN_NOTE = 'Общий срок для ЦОН не указан (он в Стандарте № 1119): таблица 2 даёт только возврат документов с ошибками в течение трёх рабочих дней (д.7) и выдачу результата в течение 20 минут (д.9).';

function field(r: number, key: string, ru: string, kk: string, type: VariantInput['applicationForm']['fields'][number]['type'], quote?: string, required = true) {
  return { key, label: { ru, kk }, kkSource: 'translation' as const, ruSource: 'translation' as const, type, required, cite: [c(`R${r} 3-қосымша (өтініштің экрандық нысаны)`, undefined, quote)] };
}

function variant(r: Regulation): VariantInput {
  const R = `R${r.n}`;
  const term = (t: Term, table: string) => ({ value: t.value, unit: 'workingDays' as const, cite: [c(`${R} 1-қосымша, ${table}, «Орындалу мерзімі»`, t.line, t.quote)] });
  return {
    id: `004-r${r.n}`,
    serviceId: r.serviceId,
    seed,
    region: { ru: 'Район Магжана Жумабаева Северо-Казахстанской области', kk: 'Солтүстік Қазақстан облысы Мағжан Жұмабаев ауданы' },
    act: 'Солтүстік Қазақстан облысы Мағжан Жұмабаев атындағы аудандық әкімдігінің 2012 жылғы 12 желтоқсандағы N 565 қаулысы',
    repealed: 'Солтүстік Қазақстан облысы Мағжан Жұмабаев ауданы әкімдігінің 2013 жылғы 24 мамырдағы N 184 қаулысымен',
    standard: STANDARD,
    provider: { kind: 'educationDepartment', name: PROVIDER, cite: [c(`${R} 1-тармақ`, r.lines.p1, 'Мағжан Жұмабаев ауданының білім бөлімі» мемлекеттік мекемесімен')] },
    recipients: { kinds: ['individuals'], cite: [c(`${R} 5-тармақ 8) тармақша`, r.lines.recipient, 'мемлекеттік қызметті алушы – электрондық мемлекеттік қызмет көрсетілетін жеке тұлға')] },
    channels: [
      {
        kind: 'centre',
        cite: [c(`${R} 1-тармақ`, r.lines.p1), c(`${R} 7-тармақ`, r.lines.centre)],
        term: r.centreTerm ? term(r.centreTerm, '2-кесте, 7-баған') : null,
        ...(r.centreTerm ? {} : { termNote: RETURN_NOTE }),
        counter: {
          maxWait: null,
          maxService: { minutes: 20, cite: [c(`${R} 1-қосымша, 2-кесте, 9-баған`, r.issue.line, r.issue.quote)] },
          note: '20 минут — выдача результата оператором; при возврате документов оператор в течение одного рабочего дня уведомляет получателя. Время ожидания в очереди не указано.',
        },
      },
      {
        kind: 'portal',
        cite: [c(`${R} 1-тармақ`, r.lines.p1, 'болған жағдайда'), c(`${R} 6-тармақ`, r.lines.portal)],
        term: r.portalTerm ? term(r.portalTerm, '1-кесте, 8-баған') : null,
        ...(r.portalTerm ? {} : { termNote: 'В таблице 1 срок последнего действия не проставлен («–»).' }),
      },
      {
        kind: 'mobileCentre',
        cite: [c(`${R} 1-тармақ, 2-абзац`, r.lines.p1 + 2, 'Шалғай елді мекендердің тұрғындарына мемлекеттік қызметтің қол жетімділігін қамтамасыз ету мақсатында')],
        term: null,
        termNote: 'Мобильные центры допускаются для жителей отдалённых населённых пунктов; срок не указан.',
      },
    ],
    steps: [],
    documents: {
      items: [],
      listAbsent: { standard: 'Стандарттың 11-тармағы (Үкіметтің 2012 жылғы 31 тамыздағы № 1119 қаулысы)', cite: [c(`${R} 6-тармақ 5) тармақша`, undefined, 'Стандарттың 11-тармағында көрсетілген')] },
    },
    refusalGrounds: [
      { code: 'authorisationRefused', cite: [c(`${R} 6-тармақ 4) тармақша`)] },
      { code: 'signatureNotConfirmed', cite: [c(`${R} 6-тармақ 7) тармақша`)] },
      { code: 'noRegistryData', cite: [c(`${R} 7-тармақ 5) тармақша`)] },
      { code: 'documentViolations', cite: [c(`${R} 6-тармақ 11) тармақша`), c(`${R} 7-тармақ 10) тармақша`)] },
      ...(r.commission ? [{ code: 'commissionConclusion' as const, cite: [c(`${R} 4-қосымша, бас тарту нысаны`)] }] : []),
    ],
    representative: {
      allowed: true,
      notarisationRequired: false,
      enisCheck: true,
      cite: [c(`${R} 7-тармақ 2) тармақша`, r.lines.poa, 'тек қана нотариалды куәландырылған сенімхат, егер де сенімхат бөгде жағдаймен куәландырылса, сенімхаттың деректері толтырылмайды')],
    },
    applicationForm: {
      reference: r.fields.length > 1 ? 'Электрондық мемлекеттік қызметке арналған өтініштің экрандық нысаны (3-қосымша)' : 'Өтініш нысаны регламентте жоқ; сұрау салу нысаны порталда және орталықта (8-тармақ).',
      cite: [c(r.fields.length > 1 ? `${R} 3-қосымша` : `${R} 8-тармақ`)],
      fields: [
        {
          key: 'applicantIin',
          label: { ru: 'ИИН получателя', kk: 'Мемлекеттік қызметті алушының ЖСН' },
          kkSource: 'translation',
          type: 'iin',
          required: true,
          cite: [c(`${R} 7-тармақ 2)–3) тармақша`, r.lines.poa, 'мемлекеттік қызметті алушының деректерін')],
        },
        ...r.fields,
      ],
    },
    results: r.results,
    ...(r.resultsIssued ? { resultsIssued: r.resultsIssued } : {}),
    refusal: r.refusal,
    gaps: [
      'Список документов (п.11 Стандарта № 1119), основания отказа, плата и форма расписки (қолхат) в seeds отсутствуют.',
      'Текст — OCR: таблицы и формы сильно искажены; диаграммы (2-қосымша) отсутствуют.',
      ...r.gaps,
    ],
  };
}

export const variants: VariantInput[] = [
  variant({
    n: 1,
    serviceId: 'guardianship-certificate',
    lines: { p1: 35, recipient: 61, portal: 81, centre: 107, poa: 111 },
    portalTerm: { value: 5, line: 184, quote: '5 жұмыс күнінде' },
    centreTerm: null,
    issue: { line: 199, quote: '20 ми- нут ішінде' },
    fields: [],
    results: [
      {
        kind: 'certificate',
        name: { ru: 'Справка по опеке и попечительству', kk: 'Қорғаншылық және қамқоршылық жөнінде анықтама' },
        kkSource: 'seed',
        ruSource: 'translation',
        templateId: '004-r1.certificate',
        cite: [c('R1 3-қосымша')],
      },
    ],
    refusal: { templateId: '004-r1.refusal', form: 'reasonedResponse', cite: [c('R1 6-тармақ 11) тармақша')] },
    commission: false,
    gaps: ['Формы отказа для R1 нет.'],
  }),
  variant({
    n: 2,
    serviceId: 'minor-deposits-inheritance-certificate',
    lines: { p1: 348, recipient: 376, portal: 398, centre: 428, poa: 434 },
    portalTerm: { value: 5, line: 501, quote: '5 жұ- мыс күн ішінде' },
    centreTerm: { value: 5, line: 514, quote: '5 жұ- мыс күн ішін- де' },
    issue: { line: 512, quote: '20 ми- нут ішінде' },
    fields: [
      field(2, 'addressee', 'Куда: пенсионный фонд, банк или подразделение дорожной полиции', 'Қайда: зейнетақы қоры, банк немесе жол полициясы бөлімшесі', 'choice'),
      field(2, 'minorChildren', 'Несовершеннолетние дети (ФИО)', 'Кәмелетке толмаған балалардың Т.А.Ә.', 'text', 'кәмелетке толмаған балаларының (Т.А.Ә.)'),
      field(2, 'deathCertificate', 'Свидетельство о смерти: № и дата выдачи', 'Қайтыс болуы туралы куәліктің №, берілген күні', 'text', undefined, false),
      field(2, 'bankName', 'Наименование банка', 'Банк атауы', 'text', undefined, false),
    ],
    // Three layouts by addressee (4-қосымша): the clerk issues the one the application asks for.
    results: (
      [
        ['pension', 'Справка в накопительный пенсионный фонд', 'Жинақтаушы зейнетақы қорына анықтама', 696, 'Жинақтаушы зейнетакы корының атавы'],
        ['bank', 'Справка в банк', 'Банкке анықтама', 715, 'Банк атаяуы'],
        ['police', 'Справка в территориальное подразделение Комитета дорожной полиции', 'Жол полициясы комитетінің аумақтық бөлімшесіне анықтама', 756, 'транспортного средства'],
      ] as const
    ).map(([layout, ru, kk, line, quote]) => ({
      kind: 'certificate' as const,
      name: { ru, kk },
      kkSource: 'translation' as const,
      templateId: `004-r2.${layout}`,
      validity: 'Анықтама берілген күннен бастап 1 (бір) ай ішінде жарамды.',
      validFor: { value: 1, unit: 'months' as const },
      cite: [c('R2 4-қосымша', line, quote), c('R2 4-қосымша', 702, 'Анықтама берілген күннен бастап 1 (бір) ай ішінде жарамды.')],
    })),
    resultsIssued: 'oneOf',
    refusal: { templateId: '004-r2.refusal', form: 'freeLetter', cite: [c('R2 4-қосымша')] },
    commission: true,
    gaps: ['Справка для дорожной полиции — только на русском.', '7-тармақ 11) тармақша повторяет текст R1 (справка по опеке) — ошибка копирования.'],
  }),
  variant({
    n: 3,
    serviceId: 'minor-property-transaction-certificate',
    lines: { p1: 821, recipient: 849, portal: 869, centre: 899, poa: 903 },
    portalTerm: null,
    centreTerm: null,
    issue: { line: 987, quote: '20 минут ішінде' },
    fields: [
      field(3, 'spousesNames', 'ФИО супругов полностью, по документу, удостоверяющему личность', 'Ерлі-зайыптылардың жеке басын куәландыратын құжат бойынша толық Т.А.Ә.', 'text'),
      field(3, 'propertyAddress', 'Адрес недвижимого имущества', 'Жылжымайтын мүліктің мекенжайы', 'address'),
      field(3, 'bankLetterNumber', '№ письма банка (для залога)', 'Банк хатының № (кепіл үшін)', 'text', undefined, false),
      field(3, 'children', 'Дети: ФИО, год рождения, № свидетельства о рождении', 'Балалар: Т.А.Ә., туған жылы, туу туралы куәліктің №', 'text'),
    ],
    results: [
      {
        kind: 'certificate',
        name: { ru: 'Справка органа опеки и попечительства для сделки с имуществом несовершеннолетних', kk: 'Кәмелетке толмағандардың мүлкімен мәмілеге қорғаншылық және қамқоршылық органының анықтамасы' },
        kkSource: 'translation',
        templateId: '004-r3.certificate',
        validity: 'Справка действительна 1 (один) месяц со дня выдачи.',
        validFor: { value: 1, unit: 'months' },
        cite: [c('R3 4-қосымша', 1156, 'Аныктама берген күннен бастап 1 (бір) ай бойына өрекет етеді.')],
      },
    ],
    refusal: { templateId: '004-r3.refusal', form: 'freeLetter', cite: [c('R3 4-қосымша')] },
    commission: true,
    gaps: ['Срок для портала в таблице 1 не проставлен.', 'Собственноручное обязательство и подписи обоих супругов — только на бумаге.'],
  }),
];
