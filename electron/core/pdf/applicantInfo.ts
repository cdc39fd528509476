import type { Language } from '../../../shared/api';

// The applicant's information block (информация для услугополучателя), one for every paper the
// applicant takes home — the receipt, the refusal to accept, the result — so no document tells them
// less than another. What the seeds say, quoted:
// - «Государственная услуга оказывается физическим лицам … бесплатно» (seed 001, п.1 of each
//   regulation): printed only for a variant of seed 001; the other seeds say nothing of a fee;
// - «call-центра ПЭП: 1414» (seed 003 п.11), «call-центра: (1414)» (seed 000 п.10), «ЭУП
//   call-орталығының телефоны … (1414)» (seed 004 п.10);
// - the status «на портале «электронного правительства» в разделе «История получения услуг», а
//   также при обращении к услугодателю или Центр» (seed 003 п.10; seed 000 п.9, seed 004 п.9);
// - «В случае несогласия с данным решением, Вы вправе обжаловать его в порядке, установленном
//   законодательством» (seed 003, notice forms); «Порядок обжалования … в соответствии с разделом 3
//   Стандарта» (seed 001 п.12).

type Text = Record<Language, string>;

const WORDS = {
  title: { ru: 'Информация для услугополучателя', kk: 'Көрсетілетін қызметті алушыға арналған ақпарат' },
  free: { ru: 'Государственная услуга оказывается бесплатно (регламент, п.1).', kk: 'Мемлекеттік қызмет тегін көрсетіледі (регламент, 1-тармақ).' },
  status: {
    ru: 'Статус заявления № {number} можно проверить на портале «электронного правительства» в разделе «История получения услуг», а также у услугодателя или в ЦОН.',
    kk: '№ {number} өтініштің орындалу статусын «электрондық үкімет» порталындағы «Қызметтер алу тарихы» бөлімінде, сондай-ақ көрсетілетін қызметті берушіден немесе ХҚО-дан тексеруге болады.',
  },
  callCentre: { ru: 'Информацию и консультацию можно получить по телефону call-центра: 1414.', kk: 'Қажетті ақпаратты және кеңесті call-орталығының телефоны бойынша алуға болады: 1414.' },
  appeal: {
    ru: 'В случае несогласия с решением, действиями (бездействием) услугодателя или работников ЦОН Вы вправе обжаловать их в порядке, установленном законодательством.',
    kk: 'Көрсетілетін қызметті берушінің немесе ХҚО қызметкерлерінің шешімімен, әрекетімен (әрекетсіздігімен) келіспеген жағдайда, Сіз оларға заңнамада белгіленген тәртіппен шағым жасауға құқылысыз.',
  },
} satisfies Record<string, Text>;

export interface ApplicantInfo {
  /** The regulation says «бесплатно» (seed 001). */
  free: boolean;
  number: string;
}

/** seed: the variant's seed file name (shared/seeds), or null when the variant is unknown. */
export function applicantInfo(seed: string | null, number: string): ApplicantInfo {
  return { free: !!seed?.startsWith('001'), number };
}

/** The block's lines in one language, the title first. */
export function applicantInfoLines(info: ApplicantInfo, language: Language): string[] {
  return [
    WORDS.title[language],
    ...(info.free ? [WORDS.free[language]] : []),
    WORDS.status[language].replace('{number}', info.number),
    WORDS.callCentre[language],
    WORDS.appeal[language],
  ];
}

/** Draws the block in a thin frame at the current position, the full text width. */
export function drawApplicantInfo(doc: PDFKit.PDFDocument, info: ApplicantInfo, language: Language): void {
  const [title, ...lines] = applicantInfoLines(info, language);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(9);
  const height = 22 + doc.heightOfString(title!, { width: width - 16 }) + lines.reduce((sum, line) => sum + doc.heightOfString(line, { width: width - 16 }) + 2, 0);
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.rect(left, top, width, height).lineWidth(0.5).stroke();
  doc.font('bold').text(title!, left + 8, top + 8, { width: width - 16 });
  doc.font('regular');
  for (const line of lines) doc.text(line, left + 8, doc.y + 2, { width: width - 16 });
  doc.x = left;
  doc.y = top + height + 6;
}
