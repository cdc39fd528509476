import type { CentreStep, Citation, VariantInput } from '../schema';

// Seed 001: West Kazakhstan region akimat decree No 62 of 29.03.2019, 13 regulations in the
// sphere of family and children. The regulations give no overall term and no document list:
// both live in the Standard (приказ МОН РК № 198 от 13.04.2015), which is not in the seeds.
// What they do give is the provider's five-step chain with a norm per step (п.5) and, where the
// ЦОН is a channel, the counter steps in minutes (п.9–10).

const seed = '001_00054b1e3eac58b3.txt';
const c = (paragraph: string, line?: number, quote?: string): Citation => ({ seed, paragraph, ...(line ? { line } : {}), ...(quote ? { quote } : {}) });

const REGION = { ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы' };
const ACT = 'Постановление акимата Западно-Казахстанской области от 29 марта 2019 года № 62';
const REPEALED = 'постановлением акимата Западно-Казахстанской области от 01.06.2020 № 120';
const STANDARD = 'Стандарт государственной услуги, приказ Министра образования и науки РК от 13 апреля 2015 года № 198';
const MIO = 'местными исполнительными органами районов и города областного значения Западно-Казахстанской области';
const NO_TERM = 'Общий срок оказания в регламенте не указан: он в Стандарте (приказ МОН № 198), которого нет в seeds. Нормы времени даны только по шагам (п.5).';

type Minutes = { m: number } | { wd: number };
type Actor = 'clerk' | 'head' | 'executor' | 'akimat';

interface Regulation {
  n: number;
  serviceId: string;
  /** Line of п.1 (provider), of the recipients sentence, of п.2's refusal clause (if any), of п.5 пп.1. */
  lines: { p1: number; recipients: number; refusal?: number; step1: number; centre?: number };
  provider: { kind: VariantInput['provider']['kind']; also?: VariantInput['provider']['kind'][]; name: string };
  channels: Array<'provider' | 'centre' | 'portal'>;
  /** Z-A (5 min at the counter) or Z-B (2 min) of the digest; only with a ЦОН channel. */
  centreMinutes?: 5 | 2;
  steps: Array<[Actor, Minutes]>;
  refusalToAccept: boolean;
  form: string;
  results: VariantInput['results'];
  /** п.3 names two documents joined by «и»: one decision issues both. */
  together?: true;
  gaps?: string[];
}

function duration(norm: Minutes): { value: number; unit: 'minutes' | 'workingDays' } {
  return 'm' in norm ? { value: norm.m, unit: 'minutes' } : { value: norm.wd, unit: 'workingDays' };
}

// The centre's steps of 001's ЦОН with their minutes: the regulation gives no total, only each
// step's (п.9 пп.1–7 to accept, п.10 пп.1–4 to issue), so the catalog keeps every step and sums
// them. Z-A (Reg.1, 3, 9): 5+2+2+2+2+1+1 and 5+5+3+2; Z-B (Reg.5, 11): 2+1+1+1+1+1+1 and 1+2+2+2.
// Reg.1 prints пп.6 twice (lines 141 and 143): counted once. Reg.1 п.9–10:
//   1) услугополучатель подает необходимые документы и заявление работнику Государственной корпорации … (в течение 5-и минут);
//   2) процесс 1 – ввод работником Государственной корпорации в АРМ ИИС … логина и пароля (процесс авторизации) … (в течение 2-х минут);
//   3) процесс 2 – выбор … государственной услуги, вывод на экран формы запроса … и ввод данных услугополучателя … (в течение 2-х минут);
//   4) процесс 3 – направление запроса через шлюз "электронного правительства" … в ГБД ФЛ … а также в ЕНИС … (в течение 2-х минут);
//   5) условие 1 – проверка наличия данных услугополучателя в ГБД ФЛ, данных доверенности в ЕНИС (в течение 2-х минут);
//   6) процесс 4 – формирование сообщения о невозможности получения данных … (в течение 1-й минуты);
//   7) процесс 5 – направление электронного документа … подписанного ЭЦП работником … в АРМ РШЭП (в течение 1-й минуты).
//   10. 1) процесс 6 – регистрация электронного документа в АРМ РШЭП (в течение 5-и минут);
//   2) условие 2 – проверка (обработка) услугодателем соответствия приложенных … документов … (в течение 5-и минут);
//   3) процесс 7 – формирование сообщения об отказе … в связи с имеющимися нарушениями в документах … (в течение 3-х минут);
//   4) процесс 8 – получение услугополучателем через работника Государственной корпорации результата … (в течение 2-х минут).
// пп.6 and п.10 пп.3 are branches: they run only when ГБД ФЛ / ЕНИС had no data, or the package is refused.
type DeskStep = Pick<CentreStep, 'actor' | 'phase' | 'only'>;
const ACCEPT: DeskStep[] = [
  { actor: 'applicant', phase: 'intake' },
  { actor: 'centreOperator', phase: 'intake' },
  { actor: 'centreOperator', phase: 'intake' },
  { actor: 'system', phase: 'intake' },
  { actor: 'system', phase: 'intake' },
  { actor: 'system', phase: 'intake', only: 'noRegistryData' },
  { actor: 'centreOperator', phase: 'intake' },
];
const ISSUE: DeskStep[] = [
  { actor: 'system', phase: 'registration' },
  { actor: 'provider', phase: 'check' },
  { actor: 'provider', phase: 'check', only: 'returned' },
  { actor: 'centreOperator', phase: 'handover' },
];
const DESK = { 5: { accept: [5, 2, 2, 2, 2, 1, 1], issue: [5, 5, 3, 2] }, 2: { accept: [2, 1, 1, 1, 1, 1, 1], issue: [1, 2, 2, 2] } } as const;
/** Where Reg.5 and Reg.11 write «в течение 1-й минут» (sic). */
const SIC: Readonly<Record<number, readonly string[]>> = { 5: ['п.10 пп.1'], 11: ['п.9 пп.3', 'п.9 пп.4', 'п.9 пп.6', 'п.9 пп.7', 'п.10 пп.1'] };
const inMinutes = (m: number, sic: boolean) => `в течение ${m === 5 ? '5-и' : m === 1 ? '1-й' : `${m}-х`} минут${m === 1 && !sic ? 'ы' : ''}`;

function deskTimes(r: Regulation) {
  const desk = DESK[r.centreMinutes ?? 5];
  const centre = r.lines.centre!;
  // Each sub-paragraph two lines below the one before; Reg.1's repeated пп.6 shifts the rest by two.
  const repeated = r.n === 1 ? 2 : 0;
  const acceptLine = (k: number) => centre + 2 * k + (k >= 6 ? repeated : 0);
  const issueStart = centre + 18 + repeated;
  const step = (paragraph: string, line: number, m: number, kind: DeskStep): CentreStep => ({
    ...kind,
    duration: { value: m, unit: 'minutes' },
    cite: [c(`Рег.${r.n} ${paragraph}`, line, inMinutes(m, SIC[r.n]?.includes(paragraph) ?? false))],
  });
  const accept = desk.accept.map((m, k) => step(`п.9 пп.${k + 1}`, acceptLine(k), m, ACCEPT[k]!));
  const issue = desk.issue.map((m, k) => step(`п.10 пп.${k + 1}`, issueStart + 2 * k, m, ISSUE[k]!));
  const sum = (steps: CentreStep[]) => ({ minutes: steps.reduce((total, part) => total + part.duration.value, 0), cite: steps.flatMap((part) => part.cite) });
  return { counter: { maxService: sum(accept), issue: sum(issue) }, steps: [...accept, ...issue] };
}

function variant(r: Regulation): VariantInput {
  const reg = `Рег.${r.n}`;
  const hasCentre = r.channels.includes('centre');
  const hasPortal = r.channels.includes('portal');
  // The portal procedure is п.11 where п.9–10 describe the ЦОН, п.9 otherwise.
  const portalParagraph = hasCentre ? 'п.11' : 'п.9';
  const firstStep = r.steps[0]?.[1];
  const desk = hasCentre ? deskTimes(r) : null;
  const channels: VariantInput['channels'] = r.channels.map((kind) => {
    if (kind === 'centre') {
      return {
        kind,
        cite: [c(`${reg} п.9`, r.lines.centre)],
        term: null,
        termNote: NO_TERM,
        counter: {
          maxWait: null,
          ...desk!.counter,
          note: 'Время ожидания в очереди не указано. Приём — сумма норм п.9 (пп.1–7), выдача — сумма норм п.10 (пп.1–4: регистрация в АРМ РШЭП и проверка услугодателем входят в неё); регламент общего времени не называет.',
        },
        steps: desk!.steps,
      };
    }
    if (kind === 'provider') {
      return {
        kind,
        cite: [c(`${reg} п.1`, r.lines.p1)],
        term: null,
        termNote: NO_TERM,
        ...(firstStep && 'm' in firstStep
          ? { counter: { maxWait: null, maxService: { minutes: firstStep.m, cite: [c(`${reg} п.5 пп.1`, r.lines.step1, 'с момента подачи необходимых документов')] }, note: 'Время ожидания не указано; приём и регистрация канцелярией — по п.5 пп.1.' } }
          : {}),
      };
    }
    return { kind, cite: [c(`${reg} ${portalParagraph}`)], term: null, termNote: NO_TERM };
  });
  const refusalGrounds: VariantInput['refusalGrounds'] = [{ code: 'standardGrounds', cite: [c(`${reg} п.3`, undefined, 'мотивированный ответ об отказе')] }];
  if (r.refusalToAccept && r.lines.refusal) {
    const quote = 'неполного пакета документов';
    refusalGrounds.push({ code: 'incompletePackage', cite: [c(`${reg} п.2`, r.lines.refusal, quote)] });
    refusalGrounds.push({ code: 'expiredDocuments', cite: [c(`${reg} п.2`, r.lines.refusal, 'документов с истекшим сроком действия')] });
  }
  if (hasCentre) refusalGrounds.push({ code: 'noRegistryData', cite: [c(`${reg} п.9 пп.6`)] });
  if (hasCentre || hasPortal) refusalGrounds.push({ code: 'documentViolations', cite: [c(hasCentre ? `${reg} п.10 пп.3` : `${reg} ${portalParagraph} пп.10`)] });
  if (hasPortal) refusalGrounds.push({ code: 'signatureNotConfirmed', cite: [c(`${reg} ${portalParagraph} пп.7`)] });

  return {
    id: `001-r${r.n}`,
    serviceId: r.serviceId,
    seed,
    region: REGION,
    act: ACT,
    repealed: REPEALED,
    standard: STANDARD,
    provider: { kind: r.provider.kind, ...(r.provider.also ? { also: r.provider.also } : {}), name: r.provider.name, cite: [c(`${reg} п.1`, r.lines.p1)] },
    recipients: { kinds: ['individuals'], cite: [c(`${reg} п.1`, r.lines.recipients, 'физическим лицам')] },
    channels,
    steps: r.steps.map(([actor, norm], index) => ({ actor, duration: duration(norm), cite: [c(`${reg} п.5 пп.${index + 1}`, index === 0 ? r.lines.step1 : undefined)] })),
    documents: { items: [], listAbsent: { standard: 'пункт 9 Стандарта (приказ МОН РК № 198)', cite: [c(`${reg} п.2`, r.lines.refusal ?? r.lines.p1)] } },
    refusalGrounds,
    representative: hasCentre
      ? {
          allowed: true,
          notarisationRequired: false,
          enisCheck: true,
          cite: [c(`${reg} п.9 пп.3`, undefined, 'при нотариально удостоверенной доверенности, при ином удостоверении доверенности данные доверенности не заполняются')],
        }
      : { allowed: null, notarisationRequired: null, enisCheck: false, cite: [], note: 'Регламент о представителе не говорит (нет канала ЦОН).' },
    applicationForm: {
      reference: r.form,
      fields: [
        {
          key: 'applicantIin',
          label: { ru: 'ИИН услугополучателя', kk: 'Көрсетілетін қызметті алушының ЖСН' },
          kkSource: 'translation',
          type: 'iin',
          required: true,
          cite: [c(hasCentre ? `${reg} п.9 пп.3–4` : `${reg} ${portalParagraph} пп.1`, undefined, hasCentre ? 'ввод данных услугополучателя' : undefined)],
        },
      ],
      cite: [c(`${reg} п.4`)],
    },
    results: r.results,
    ...(r.together ? { resultsIssued: 'together' as const } : {}),
    refusal: { templateId: `001-r${r.n}.refusal`, form: 'reasonedResponse', cite: [c(`${reg} п.3`, undefined, 'мотивированный ответ об отказе в оказании государственной услуги')] },
    gaps: [
      'Перечень документов, основания для отказа, срок оказания и формы бланков — в Стандарте (приказ МОН № 198), которого нет в seeds.',
      ...(r.gaps ?? []),
    ],
  };
}

const mio = { kind: 'districtExecutiveBody' as const, name: MIO };
const chain5 = (executor: Minutes): Array<[Actor, Minutes]> => [
  ['clerk', { m: 5 }],
  ['head', { m: 5 }],
  ['executor', executor],
  ['head', { m: 5 }],
  ['clerk', { m: 5 }],
];
const chain15 = (executor: Minutes): Array<[Actor, Minutes]> => [
  ['clerk', { m: 15 }],
  ['head', { m: 15 }],
  ['executor', executor],
  ['head', { m: 15 }],
  ['clerk', { wd: 1 }],
];
const result = (n: number, kind: VariantInput['results'][number]['kind'], ru: string, kk: string, paragraph = 'п.3'): VariantInput['results'][number] => ({
  kind,
  name: { ru, kk },
  kkSource: 'translation',
  templateId: `001-r${n}.${kind}`,
  cite: [c(`Рег.${n} ${paragraph}`)],
});

export const variants: VariantInput[] = [
  variant({
    n: 1,
    serviceId: 'camp-referral',
    lines: { p1: 68, recipients: 78, refusal: 82, step1: 95, centre: 131 },
    provider: { kind: 'districtExecutiveBody', also: ['educationOrganisation'], name: `${MIO}, организациями образования` },
    channels: ['provider', 'centre', 'portal'],
    centreMinutes: 5,
    steps: chain15({ wd: 3 }),
    refusalToAccept: true,
    form: 'Заявление по форме приложения 1 Стандарта (п.4); на портале — электронное заявление с ЭЦП или одноразовым паролем. Расписка об отказе в приёме — приложение 2 Стандарта.',
    results: [result(1, 'referral', 'Направление (путевка) в загородные и пришкольные лагеря', 'Қала сыртындағы және мектеп жанындағы лагерьлерге жолдама')],
    gaps: ['Для направления (путевки) приложение Стандарта с формой не названо.', 'В п.9 строка «6) процесс 4» повторена дважды.'],
  }),
  variant({
    n: 2,
    serviceId: 'guardianship-certificate',
    lines: { p1: 218, recipients: 222, step1: 237 },
    provider: mio,
    channels: ['portal'],
    steps: chain5({ m: 10 }),
    refusalToAccept: false,
    form: 'Только портал: электронное заявление с ЭЦП или одноразовым паролем (п.4).',
    // The Kazakh name is verbatim in seed 002 п.3.
    results: [{ ...result(2, 'certificate', 'Справка по опеке и попечительству', 'Қорғаншылық және қамқоршылық жөнінде анықтама'), kkSource: 'seed' }],
    gaps: ['Единственная «полностью автоматизированная» услуга, но шаги п.5 выполняют люди (5+5+10+5+5 минут).', 'Пункта об отказе в приёме документов нет.'],
  }),
  variant({
    n: 3,
    serviceId: 'guardianship-establishment',
    lines: { p1: 313, recipients: 321, refusal: 325, step1: 340, centre: 378 },
    provider: mio,
    channels: ['centre', 'portal'],
    centreMinutes: 5,
    steps: [
      ['clerk', { m: 15 }],
      ['head', { m: 15 }],
      ['executor', { wd: 12 }],
      ['akimat', { wd: 6 }],
      ['clerk', { wd: 1 }],
    ],
    refusalToAccept: true,
    form: 'Заявление по форме приложения 2 Стандарта (п.4); на портале — электронное заявление с ЭЦП или одноразовым паролем.',
    results: [
      result(
        3,
        'resolution',
        'Постановление акимата района (города областного значения) об установлении опеки или попечительства',
        'Қорғаншылық немесе қамқоршылық белгілеу туралы аудан (облыстық маңызы бар қала) әкімдігінің қаулысы',
      ),
    ],
    gaps: ['Отказ в приёме поручен только услугодателю, хотя приём идёт через ЦОН; форма расписки не названа.'],
  }),
  variant({
    n: 4,
    serviceId: 'minor-property-certificate',
    lines: { p1: 443, recipients: 447, refusal: 451, step1: 462 },
    provider: mio,
    channels: ['portal'],
    steps: chain5({ wd: 2 }),
    refusalToAccept: true,
    form: 'Только портал: электронное заявление с ЭЦП или одноразовым паролем (п.4).',
    results: [
      result(
        4,
        'certificate',
        'Справка для распоряжения имуществом несовершеннолетних детей и оформления наследства несовершеннолетним детям',
        'Кәмелетке толмаған балалардың мүлкіне билік ету және оларға мұраны ресімдеу үшін анықтама',
      ),
    ],
  }),
  variant({
    n: 5,
    serviceId: 'guardian-allowance',
    lines: { p1: 535, recipients: 543, refusal: 547, step1: 564, centre: 600 },
    provider: mio,
    channels: ['centre', 'portal'],
    centreMinutes: 2,
    steps: chain5({ wd: 1 }),
    refusalToAccept: true,
    form: 'Заявление опекуна или попечителя для назначения пособия по форме приложения 2 Стандарта (п.4). Расписка об отказе в приёме документов — приложение 3 Стандарта (п.2).',
    results: [
      result(
        5,
        'decision',
        'Решение о назначении пособия опекунам или попечителям на содержание ребенка-сироты и ребенка, оставшегося без попечения родителей',
        'Жетім баланы және ата-анасының қамқорлығынсыз қалған баланы асырауға қорғаншыларға немесе қамқоршыларға жәрдемақы тағайындау туралы шешім',
      ),
    ],
    gaps: ['Запрос по ЦОН идёт в ГБД ФЛ или ГБД ЮЛ (п.9 пп.4).', 'Пункт «11.» повторён дважды (порядок портала и обжалование).'],
  }),
  variant({
    n: 6,
    serviceId: 'patronage-placement',
    lines: { p1: 696, recipients: 700, refusal: 704, step1: 715 },
    provider: mio,
    channels: ['portal'],
    steps: chain5({ wd: 9 }),
    refusalToAccept: true,
    form: 'Только портал: электронное заявление с ЭЦП или одноразовым паролем (п.4).',
    results: [
      result(6, 'notification', 'Уведомление о заключении договора о передаче ребенка (детей) на патронатное воспитание', 'Баланы (балаларды) патронаттық тәрбиеге беру туралы шарт жасалғаны туралы хабарлама'),
      result(6, 'decision', 'Решение о назначении денежных средств, выделяемых патронатным воспитателям', 'Патронаттық тәрбиешілерге бөлінетін ақшалай қаражатты тағайындау туралы шешім'),
    ],
    // п.3: «уведомление о заключении договора … и решение о назначении денежных средств».
    together: true,
  }),
  variant({
    n: 7,
    serviceId: 'adopter-registration',
    lines: { p1: 808, recipients: 812, refusal: 816, step1: 827 },
    provider: mio,
    channels: ['portal'],
    steps: chain5({ wd: 9 }),
    refusalToAccept: true,
    form: 'Только портал: электронное заявление с ЭЦП или одноразовым паролем (п.4).',
    results: [
      result(
        7,
        'conclusion',
        'Уведомление о готовности заключения о возможности (невозможности) быть кандидатом (ами) в усыновители',
        'Асырап алушылыққа үміткер (үміткерлер) болу мүмкіндігі (мүмкін еместігі) туралы қорытындының дайындығы туралы хабарлама',
      ),
    ],
  }),
  variant({
    n: 8,
    serviceId: 'adoption-payment',
    lines: { p1: 901, recipients: 905, refusal: 909, step1: 920 },
    provider: mio,
    channels: ['portal'],
    steps: chain5({ wd: 4 }),
    refusalToAccept: true,
    form: 'Только портал: электронное заявление с ЭЦП или одноразовым паролем (п.4).',
    results: [
      result(
        8,
        'decision',
        'Решение о назначении единовременной денежной выплаты в связи с усыновлением ребенка-сироты и (или) ребенка, оставшегося без попечения родителей',
        'Жетім баланы және (немесе) ата-анасының қамқорлығынсыз қалған баланы асырап алуға байланысты біржолғы ақшалай төлем тағайындау туралы шешім',
      ),
    ],
  }),
  variant({
    n: 9,
    serviceId: 'school-transport',
    lines: { p1: 997, recipients: 1007, refusal: 1011, step1: 1024, centre: 1060 },
    provider: { kind: 'ruralAkim', name: 'акимом поселка, села, сельского округа' },
    channels: ['provider', 'centre', 'portal'],
    centreMinutes: 5,
    steps: chain15({ wd: 3 }),
    refusalToAccept: true,
    form: 'Заявление по форме приложения 2 Стандарта (п.4; п.9 пп.1 называет приложение 1). Расписка об отказе в приёме — приложение 4 Стандарта (п.2).',
    results: [
      result(
        9,
        'certificate',
        'Справка о предоставлении бесплатного подвоза к общеобразовательной организации образования и обратно домой',
        'Жалпы білім беретін білім беру ұйымына дейін және үйіне кері тегін тасымалдауды ұсыну туралы анықтама',
      ),
    ],
    gaps: ['Форма заявления: п.4 — приложение 2 Стандарта, п.9 пп.1 — приложение 1.'],
  }),
  variant({
    n: 10,
    serviceId: 'school-meals',
    lines: { p1: 1126, recipients: 1134, refusal: 1138, step1: 1151 },
    provider: { kind: 'unspecified', name: 'Государственная услуга оказывается (далее – услугодатель)' },
    channels: ['provider', 'portal'],
    steps: [
      ['clerk', { m: 15 }],
      ['head', { wd: 1 }],
      ['executor', { wd: 3 }],
      ['head', { wd: 1 }],
      ['clerk', { m: 30 }],
    ],
    refusalToAccept: true,
    form: 'Заявление по форме приложения 2 Стандарта (п.4); на портале — «электронное заявление» (без слов об ЭЦП).',
    results: [
      result(
        10,
        'certificate',
        'Справка о предоставлении бесплатного и льготного питания в общеобразовательной школе',
        'Жалпы білім беретін мектепте тегін және жеңілдетілген тамақтануды ұсыну туралы анықтама',
      ),
    ],
    gaps: ['В п.1 пропущено наименование услугодателя.', 'В п.3 нет фразы о направлении результата в личный кабинет.'],
  }),
  variant({
    n: 11,
    serviceId: 'visit-permission',
    lines: { p1: 1224, recipients: 1228, refusal: 1232, step1: 1241, centre: 1277 },
    provider: mio,
    channels: ['provider', 'centre', 'portal'],
    centreMinutes: 2,
    steps: chain5({ wd: 9 }),
    refusalToAccept: true,
    form: 'Заявление по форме приложения 2 Стандарта (п.4).',
    results: [result(11, 'permission', 'Разрешение на свидания с ребенком', 'Баламен кездесуге рұқсат', 'п.5 пп.3–4')],
    gaps: [
      'п.1 называет только приём через канцелярию, а п.4, п.9–11 описывают ЦОН и портал.',
      'п.3 называет результатом «решение об учете мнения ребенка, достигшего десятилетнего возраста» (скопировано из Рег.13); п.5 говорит о разрешении.',
      'Форма оказания «электронная бумажная» (sic).',
    ],
  }),
  variant({
    n: 12,
    serviceId: 'foster-family',
    lines: { p1: 1344, recipients: 1352, refusal: 1356, step1: 1369 },
    provider: mio,
    channels: ['provider', 'portal'],
    steps: chain5({ wd: 9 }),
    refusalToAccept: true,
    form: 'Заявление по форме приложения 3 Стандарта (п.4); на портале — электронное заявление с ЭЦП или одноразовым паролем.',
    results: [
      result(12, 'contract', 'Договор о передаче ребенка (детей) на воспитание в приемную семью', 'Баланы (балаларды) қабылдаушы отбасына тәрбиеге беру туралы шарт'),
      result(12, 'decision', 'Решение о назначении выплаты денежных средств на содержание ребенка (детей)', 'Баланы (балаларды) асырауға ақшалай қаражат төлеуді тағайындау туралы шешім'),
    ],
    // п.3: «договор о передаче ребенка (детей) на воспитание в приемную семью … и решение о назначении выплаты».
    together: true,
    gaps: ['Обжалование упоминает Государственную корпорацию, хотя ЦОН не канал этой услуги.'],
  }),
  variant({
    n: 13,
    serviceId: 'child-opinion-decision',
    lines: { p1: 1442, recipients: 1446, refusal: 1450, step1: 1459 },
    provider: mio,
    channels: ['provider'],
    steps: chain5({ wd: 9 }),
    refusalToAccept: true,
    form: 'Заявления нет: основание — перечень документов по пункту 9 Стандарта (п.4).',
    results: [
      result(
        13,
        'decision',
        'Решение органа опеки и попечительства об учете мнения ребенка, достигшего десятилетнего возраста',
        'Он жасқа толған баланың пікірін ескеру туралы қорғаншылық және қамқоршылық органының шешімі',
      ),
    ],
    gaps: ['Только бумажная форма и канцелярия услугодателя; главы о ЦОН и портале нет.'],
  }),
];
