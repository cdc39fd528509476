import type { Citation, VariantInput } from '../schema';

// Seed 002: Karaganda region, regulation «Қорғаншылық және қамқоршылық жөнінде анықтама беру»
// (Kazakh, a fragment without the approving decree; cites the Standard of Government decree
// № 115 of 19.02.2014). The only seed with a total term: 5 minutes from handing in the package.

const seed = '002_6753f846e4ac5b78.txt';
const c = (paragraph: string, line?: number, quote?: string): Citation => ({ seed, paragraph, ...(line ? { line } : {}), ...(quote ? { quote } : {}) });

const term = { value: 5, unit: 'minutes' as const, cite: [c('п.5', 20, 'құжаттардың топтамасын тапсырған сәттен бастап – 5 (бес) минуттан аспайды')] };

export const variants: VariantInput[] = [
  {
    id: '002',
    serviceId: 'guardianship-certificate',
    seed,
    region: { ru: 'Карагандинская область', kk: 'Қарағанды облысы' },
    act: 'Регламент «Қорғаншылық және қамқоршылық жөнінде анықтама беру» (фрагмент: реквизиты акта в тексте отсутствуют)',
    repealed: null,
    standard: 'Стандарт «Қорғаншылық және қамқоршылық жөнінде анықтама беру», Қазақстан Республикасы Үкіметінің 2014 жылғы 19 ақпандағы № 115 қаулысы',
    provider: { kind: 'educationDepartment', name: 'Қарағанды облысы қалалары мен аудандарының білім бөлімдері', cite: [c('п.1', 4)] },
    recipients: {
      kinds: ['individuals'],
      cite: [c('п.3', 9, 'жетім балаға және ата-анасының қамқорлығынсыз қалған балаға')],
      note: 'Фрагмент не определяет получателя; по смыслу — опекун или попечитель, физическое лицо.',
    },
    channels: [
      {
        kind: 'centre',
        cite: [c('п.1 пп.1', 6)],
        term,
        counter: {
          maxWait: null,
          maxService: { minutes: 5, cite: [c('п.10 пп.2', 60, 'өтінімін өңдеу ұзақтығы – 5 (бес) минуттан аспайды')] },
          note: 'Время ожидания в очереди не указано. Получатель приходит за справкой после истечения срока (п.10 пп.3); справку доставляет курьер ХҚО (п.5).',
        },
        // п.10 пп.2: «көрсетілетін қызметті алушының өтінімін өңдеу ұзақтығы – 5 (бес) минуттан
        // аспайды» — the ХҚО's one timed step; п.9's processes carry no minutes.
        steps: [{ phase: 'intake', actor: 'centreOperator', duration: { value: 5, unit: 'minutes' }, cite: [c('п.10 пп.2', 60, 'өтінімін өңдеу ұзақтығы – 5 (бес) минуттан аспайды')] }],
      },
      { kind: 'portal', cite: [c('п.1 пп.2', 7)], term, termNote: 'Отдельного срока для портала нет; срок п.5 общий.' },
    ],
    steps: [
      { actor: 'clerk', duration: { value: 5, unit: 'minutes' }, cite: [c('п.5, 1 іс-қимыл', 17, '5 (бес) минут ішінде')] },
      { actor: 'head', duration: { value: 5, unit: 'minutes' }, cite: [c('п.5, 2 іс-қимыл', 18, '5 (бес) минут ішінде')] },
      { actor: 'specialist', duration: { value: 5, unit: 'minutes' }, cite: [c('п.8 пп.1', 29)] },
      { actor: 'head', duration: { value: 5, unit: 'minutes' }, cite: [c('п.8 пп.2', 30)] },
    ],
    documents: {
      items: [],
      listAbsent: { standard: 'Стандарттың 9-тармағы (Үкіметтің 2014 жылғы 19 ақпандағы № 115 қаулысы)', cite: [c('п.9', 36, 'осы Стандарттың 9-тармағында көзделген құжаттарды ұсынады')] },
    },
    refusalGrounds: [
      { code: 'noRegistryData', cite: [c('п.9 пп.5')] },
      { code: 'documentViolations', cite: [c('п.9 пп.10', undefined, 'құжаттарында бұзушылықтар болуына байланысты')] },
      { code: 'authorisationRefused', cite: [c('п.11 пп.4')] },
      { code: 'signatureNotConfirmed', cite: [c('п.11 пп.7')] },
    ],
    representative: {
      allowed: true,
      notarisationRequired: false,
      enisCheck: true,
      cite: [c('п.9 пп.2', 48, 'нотариалды куәландырылған сенімхатболғанда, сенімхатты өзге де куәландыру кезінде – сенімхат деректері толтырылмайды')],
    },
    applicationForm: {
      reference: 'Стандарттың 2-қосымшасындағы нысан бойынша өтініш немесе ЭЦҚ куәландырған электрондық сұрау (п.4); нысан seeds-те жоқ.',
      cite: [c('п.4', 15)],
      fields: [
        {
          key: 'applicantIin',
          label: { ru: 'ИИН услугополучателя', kk: 'Көрсетілетін қызметті алушының ЖСН' },
          kkSource: 'translation',
          type: 'iin',
          required: true,
          cite: [c('п.9 пп.2–3', 48, 'көрсетілетін қызметті алушының деректерін')],
        },
      ],
    },
    results: [
      {
        kind: 'certificate',
        name: {
          ru: 'Справка об опеке и попечительстве над ребенком-сиротой и ребенком, оставшимся без попечения родителей',
          kk: 'Жетім балаға және ата-анасының қамқорлығынсыз қалған балаға қорғаншылық және қамқоршылық жөнінде анықтама',
        },
        kkSource: 'seed',
        ruSource: 'translation',
        templateId: '002.certificate',
        cite: [c('п.3', 9, 'Стандарт) 1-қосымшаға сәйкес')],
      },
    ],
    refusal: { templateId: '002.refusal', form: 'reasonedResponse', cite: [c('п.9 пп.10'), c('п.11 пп.11')] },
    gaps: [
      'Фрагмент: нет реквизитов акта, статуса и приложений (формы справки и заявления — в приложениях 1 и 2 Стандарта № 115).',
      'Общий срок 5 минут не согласуется с двумя шагами по 5 минут, доставкой курьером и «приходите после срока».',
      'п.11 пп.8: запрос удостоверяется ЭЦП «көрсетілетін қызметті берушінің» (услугодателя), а не получателя.',
      'Расписка в приёме документов не упомянута.',
    ],
  },
];
