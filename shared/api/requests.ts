import { z } from 'zod';

// The request life cycle (статус исполнения заявления / өтініштің орындалу мәртебесі). Labels in
// shared/i18n under "requestState.<state>" follow the glossary (seeds/digests, section E).
export const requestStateSchema = z.enum([
  'draft', // черновик / жоба
  'signed', // подписано / қол қойылды
  'queued', // в очереди / кезекте
  'sent', // отправлено / жіберілді
  'registered', // зарегистрировано / тіркелді
  'inWork', // в обработке / өңделуде
  'decided', // certificate or refusal prepared, awaiting the head
  'resultSigned', // подписано руководителем
  'resultAtCentre', // готово к выдаче / беруге дайын
  'issued', // выдано / берілді
  'refusedAtIntake', // отказ в приёме документов
  'withdrawn', // отозвано
]);
export type RequestState = z.infer<typeof requestStateSchema>;

export const outcomeSchema = z.enum(['certificate', 'refusal']);
export type Outcome = z.infer<typeof outcomeSchema>;
