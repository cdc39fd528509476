import type { Citation, VariantInput } from '../schema';

// Seed 000: Zhambyl district (North Kazakhstan region) akimat decree № 386 of 26.12.2012, the
// e-service «Выдача справок по опеке и попечительству». No total term: the provider's column of
// the ЦОН table (Прил.1 Табл.2 д.7) is cut off in the source.

const seed = '000_4ca51d69da8029f0.txt';
const c = (paragraph: string, line?: number, quote?: string): Citation => ({ seed, paragraph, ...(line ? { line } : {}), ...(quote ? { quote } : {}) });

export const variants: VariantInput[] = [
  {
    id: '000',
    serviceId: 'guardianship-certificate',
    seed,
    region: { ru: 'Жамбылский район Северо-Казахстанской области', kk: 'Солтүстік Қазақстан облысы Жамбыл ауданы' },
    act: 'Постановление акимата Жамбылского района Северо-Казахстанской области от 26 декабря 2012 года № 386',
    repealed: 'постановлением акимата Жамбылского района Северо-Казахстанской области от 21 мая 2013 года № 134',
    standard: 'Стандарт «Выдача справок по опеке и попечительству», постановление Правительства РК от 31 августа 2012 года № 1119',
    provider: { kind: 'educationDepartment', name: 'государственное учреждение "Отдел образования Жамбылского района"', cite: [c('п.1', 38)] },
    recipients: { kinds: ['individuals'], cite: [c('п.5 пп.3', 54, 'получатель государственной услуги – физическое лицо')] },
    channels: [
      {
        kind: 'centre',
        cite: [c('п.1', 38), c('п.7')],
        term: null,
        termNote: 'Общий срок не указан: столбец услугодателя в Прил.1 Табл.2 (д.7) обрезан («В т … чих»), число рабочих дней утрачено.',
        counter: {
          maxWait: null,
          maxService: { minutes: 20, cite: [c('Прил.1 Табл.2 д.1, «Сроки исполнения»', 209, 'Не более 20 минут')] },
          note: 'Норма стоит в столбце авторизации оператора, по смыслу — весь приём с выдачей расписки. Время ожидания в очереди не указано.',
        },
        // Прил.1 Табл.2 «Описание действий СФЕ через Центр», строка 5 «Сроки исполнения», as
        // printed: д.1 «Не более 20 минут», д.2 «30 секунд», д.3 «1,5 минуты», д.4 «1,5 минуты»
        // (the refusal when ГБД ФЛ / ЕНИС have no data), д.5 «30 секунд – 1 минута» (its upper
        // bound), д.6 «1 минута». д.7 (the provider's) is cut off: no step for it.
        steps: [
          { phase: 'intake', actor: 'centreOperator', duration: { value: 20, unit: 'minutes' }, cite: [c('Прил.1 Табл.2 д.1', 209, 'Не более 20 минут')] },
          { phase: 'intake', actor: 'centreOperator', duration: { value: 0.5, unit: 'minutes' }, cite: [c('Прил.1 Табл.2 д.2', 209, '30 секунд')] },
          { phase: 'intake', actor: 'centreOperator', duration: { value: 1.5, unit: 'minutes' }, cite: [c('Прил.1 Табл.2 д.3', 209, '1,5 минуты')] },
          { phase: 'intake', actor: 'system', only: 'noRegistryData', duration: { value: 1.5, unit: 'minutes' }, cite: [c('Прил.1 Табл.2 д.4', 209, '1,5 минуты')] },
          { phase: 'intake', actor: 'centreOperator', duration: { value: 1, unit: 'minutes' }, cite: [c('Прил.1 Табл.2 д.5', 209, '30 секунд – 1 минута')] },
          { phase: 'intake', actor: 'centreOperator', duration: { value: 1, unit: 'minutes' }, cite: [c('Прил.1 Табл.2 д.6', 209, '1 минута')] },
        ],
      },
      {
        kind: 'portal',
        cite: [c('п.1', 38), c('п.6')],
        term: null,
        termNote: 'Срок не указан; уведомление о принятии запроса сообщает дату и время получения результата (п.6 пп.9).',
      },
      {
        kind: 'mobileCentre',
        cite: [c('п.1', 40, 'допускается оказание государственных услуг через Мобильные центры')],
        term: null,
        termNote: 'Мобильные центры допускаются для жителей отдаленных населенных пунктов; срок не указан.',
      },
    ],
    steps: [],
    documents: { items: [], listAbsent: { standard: 'пункт 11 Стандарта (постановление Правительства РК № 1119)', cite: [c('п.6 пп.5', undefined, 'указанных в пункте 11 Стандарта')] } },
    refusalGrounds: [
      { code: 'authorisationRefused', cite: [c('п.6 пп.4')] },
      { code: 'signatureNotConfirmed', cite: [c('п.6 пп.7')] },
      { code: 'noRegistryData', cite: [c('п.7 пп.5')] },
      { code: 'documentViolations', cite: [c('п.6 пп.11'), c('п.7 пп.10')] },
    ],
    representative: {
      allowed: true,
      notarisationRequired: false,
      enisCheck: true,
      cite: [c('п.7 пп.2', 120, 'при нотариально удостоверенной доверенности, при ином удостоверении доверенности данные доверенности не заполняются')],
    },
    applicationForm: {
      reference: 'Формы запроса приведены на веб-портале «электронного правительства» www.egov.kz, а также в Центре (п.8); в регламенте полей нет.',
      cite: [c('п.8')],
      fields: [
        {
          key: 'applicantIin',
          label: { ru: 'ИИН получателя', kk: 'Алушының ЖСН' },
          kkSource: 'translation',
          type: 'iin',
          required: true,
          cite: [c('п.7 пп.2–3', undefined, 'ввод оператором Центра данных получателя')],
        },
      ],
    },
    results: [
      {
        kind: 'certificate',
        name: { ru: 'Справка по опеке и попечительству', kk: 'Қорғаншылық және қамқоршылық жөнінде анықтама' },
        // Verbatim in seed 002 п.3 («… жөнінде анықтама болып табылады»).
        kkSource: 'seed',
        templateId: '000.certificate',
        cite: [c('Прил.3', undefined, 'Выходная форма положительного ответа на электронную государственную услугу'), c('п.7 пп.11', undefined, 'на бумажном носителе')],
      },
    ],
    refusal: { templateId: '000.refusal', form: 'reasonedResponse', cite: [c('п.6 пп.11', undefined, 'мотивированного ответа об отказе')] },
    gaps: [
      'Список документов — в п.11 Стандарта (ПП № 1119), которого нет в seeds.',
      'Срок услугодателя утрачен (Прил.1 Табл.2 д.7 обрезан); диаграммы Прил.2 отсутствуют.',
      'Расписка о приеме документов выдаётся (п.7 пп.8), но её формы нет.',
      'Текст справки только на русском; казахского текста справки нет.',
    ],
  },
];
