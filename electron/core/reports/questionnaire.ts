import { ArmError, type QuestionnaireShares } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { findRequest } from '../requests/repository';
import { localDay } from '../../../shared/time';

/** Stores the answers apart from the request: service and day only, so no answer leads back to a person. */
export function answerQuestionnaire(db: Db, input: { requestId: string; quality: 1 | 2 | 3; information: 1 | 2 | 3 }, userId: string, now: Date): void {
  db.transaction(() => {
    const request = findRequest(db, input.requestId) as ReturnType<typeof findRequest> & { questionnaire_at: string | null };
    if (request.state !== 'issued') throw new ArmError('QUESTIONNAIRE_NOT_ISSUED', 'The анкета follows issuance.');
    if (request.questionnaire_at) throw new ArmError('QUESTIONNAIRE_DONE', 'This applicant has answered already.');
    db.prepare('UPDATE requests SET questionnaire_at = ? WHERE id = ?').run(now.toISOString(), request.id);
    db.prepare('INSERT INTO questionnaire_answers (service_id, answered_on, quality, information) VALUES (?, ?, ?, ?)').run(
      request.service_id,
      localDay(now),
      input.quality,
      input.information,
    );
    // The audit says that it was asked, not what was answered.
    appendAudit(db, { userId, action: 'questionnaire.answer', objectType: 'request', objectId: request.id }, now);
  })();
}

export function questionnaireShares(db: Db, from: string, to: string): QuestionnaireShares[] {
  const rows = db
    .prepare(
      `SELECT service_id AS serviceId, count(*) AS answers,
         sum(quality = 1) AS q1, sum(quality = 2) AS q2, sum(quality = 3) AS q3,
         sum(information = 1) AS i1, sum(information = 2) AS i2, sum(information = 3) AS i3
       FROM questionnaire_answers WHERE answered_on BETWEEN ? AND ? GROUP BY service_id ORDER BY service_id`,
    )
    .all(from, to) as Array<{ serviceId: string; answers: number; q1: number; q2: number; q3: number; i1: number; i2: number; i3: number }>;
  return rows.map((row) => ({ serviceId: row.serviceId, answers: row.answers, quality: [row.q1, row.q2, row.q3], information: [row.i1, row.i2, row.i3] }));
}
