import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

type Answer = 1 | 2 | 3;
const ANSWERS: Answer[] = [1, 2, 3];

/** The regulation's анкета, read out or shown to the applicant after issuance; nothing personal is kept. */
export function QuestionnaireForm({ requestId, onDone }: { requestId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [quality, setQuality] = useState<Answer | null>(null);
  const [information, setInformation] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!quality || !information) return;
    try {
      await arm.reports.answer({ requestId, quality, information });
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };

  const question = (name: 'q1' | 'q2', value: Answer | null, set: (answer: Answer) => void) => (
    <fieldset>
      <legend>{t(`questionnaire.${name}`)}</legend>
      {ANSWERS.map((answer) => (
        <label key={answer} className="check">
          <input type="radio" name={`${requestId}-${name}`} checked={value === answer} onChange={() => set(answer)} />
          {answer}) {t(`questionnaire.a${answer}`)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('questionnaire.title')}>
      <strong>{t('questionnaire.title')}</strong>
      {question('q1', quality, setQuality)}
      {question('q2', information, setInformation)}
      {error ? <ErrorText error={error} /> : null}
      <button type="submit" className="primary" disabled={!quality || !information}>
        {t('questionnaire.save')}
      </button>
    </form>
  );
}
