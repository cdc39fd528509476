// Kazakh names are written in Russian documents without the Kazakh letters: «Сәрсенбаев» is
// «Сарсенбаев» in an old passport, «Қанатұлы» is «Канатулы». Searching folds both sides to the
// Russian letter (issue 18 item 10); й/и and ё/е stay apart, they are different letters in both.
// The journal's index folds the same letters in SQL (db/migrations/0014_name_folding.sql).
const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };
const KAZAKH_LETTERS = /[әғқңөұүһі]/g;

/** Lower case with the nine Kazakh letters folded to their Russian spelling. */
export function foldName(text: string): string {
  return text.toLowerCase().replace(KAZAKH_LETTERS, (letter) => KAZAKH_TO_RUSSIAN[letter]!);
}
