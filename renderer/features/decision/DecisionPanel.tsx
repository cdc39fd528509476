import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/api';
import type { Variant } from '../../../shared/catalog/schema';
import { languages, type Language } from '../../../shared/i18n';
import { certificateTemplate } from '../../../shared/results/templates';
import { useInbox } from '../inbox/store';
import { SigningDialog } from '../signing/SigningDialog';

// The decision on an opened request (decision.*): the clerk's certificate or motivated refusal,
// the result's PDFs, the head's signature or return. The inbox screen places these panels.

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languages.find((candidate) => candidate === i18n.language) ?? 'ru';
}

export function DecisionForm({ view, variant }: { view: RequestView; variant: Variant }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const decide = useInbox((state) => state.decide);
  const [outcome, setOutcome] = useState<'certificate' | 'refusal'>('certificate');
  const template = certificateTemplate(variant.results[0]?.templateId ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [grounds, setGrounds] = useState<string[]>([]);
  const [text, setText] = useState('');
  const submit = () =>
    void decide(
      outcome === 'certificate'
        ? { requestId: view.id, outcome, fields: Object.fromEntries(template.fields.map((field) => [field.key, fields[field.key] ?? ''])) }
        : { requestId: view.id, outcome, grounds: grounds as never, text },
    );
  return (
    <form
      className="decision"
      aria-label={t('inbox.decision')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('inbox.decision')}</h3>
      <div role="radiogroup" className="actions">
        {(['certificate', 'refusal'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="outcome" checked={outcome === value} onChange={() => setOutcome(value)} /> {t(`inbox.outcome.${value}`)}
          </label>
        ))}
      </div>
      {outcome === 'certificate' ? (
        <p className="muted">{variant.results[0]?.name[language]}</p>
      ) : null}
      {outcome === 'certificate'
        ? template.fields.map((field) => (
            <label key={field.key} className="field">
              {field.label[language]}
              {field.type === 'choice' ? (
                <select value={fields[field.key] ?? ''} onChange={(event) => setFields({ ...fields, [field.key]: event.target.value })} data-field={field.key}>
                  <option value="" disabled />
                  {field.options?.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input type={field.type === 'date' ? 'date' : 'text'} value={fields[field.key] ?? ''} onChange={(event) => setFields({ ...fields, [field.key]: event.target.value })} data-field={field.key} />
              )}
            </label>
          ))
        : (
          <>
            <fieldset>
              <legend>{t('inbox.grounds')}</legend>
              {variant.refusalGrounds.map((ground) => (
                <label key={ground.code} className="field">
                  <input
                    type="checkbox"
                    checked={grounds.includes(ground.code)}
                    onChange={(event) => setGrounds(event.target.checked ? [...grounds, ground.code] : grounds.filter((code) => code !== ground.code))}
                  />{' '}
                  {t(`catalog.refusal.${ground.code}`)} <span className="muted">({ground.cite.map((cite) => cite.paragraph).join('; ')})</span>
                </label>
              ))}
            </fieldset>
            <label className="field">
              {t('inbox.refusalText')}
              <textarea value={text} onChange={(event) => setText(event.target.value)} data-field="refusalText" />
            </label>
          </>
        )}
      <button type="submit" data-testid="decide">
        {t('inbox.decide')}
      </button>
    </form>
  );
}

export function ResultActions({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const { result, pdf } = useInbox();
  const [links, setLinks] = useState<Partial<Record<'ru' | 'kk', string>>>({});
  if (!result) return null;
  return (
    <section aria-label={t('inbox.result')}>
      <h3>
        {t('inbox.result')}: {t(`inbox.outcome.${result.content.kind}`)} № {result.content.number} {result.signed ? `· ${t('inbox.signed')}` : null}
      </h3>
      <div className="actions">
        {(['ru', 'kk'] as const).map((lang) =>
          links[lang] ? (
            <a key={lang} href={links[lang]} download={`${result.content.number}-${lang}.pdf`} data-testid={`pdf-${lang}`}>
              {t('inbox.downloadPdf', { lang: lang === 'ru' ? 'Рус' : 'Қаз' })}
            </a>
          ) : (
            <button
              key={lang}
              type="button"
              onClick={() =>
                void pdf(lang).then((url) => {
                  if (url) setLinks((current) => ({ ...current, [lang]: url }));
                })
              }
              data-testid={`make-pdf-${lang}`}
            >
              {t(view.state === 'decided' ? 'inbox.previewPdf' : 'inbox.makePdf', { lang: lang === 'ru' ? 'Рус' : 'Қаз' })}
            </button>
          ),
        )}
      </div>
    </section>
  );
}

export function HeadActions({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const { result, prepare, approve, returnToClerk } = useInbox();
  const [comment, setComment] = useState('');
  if (view.state !== 'decided' || !result) return null;
  const prepared = result.content.signer !== null;
  return (
    <section aria-label={t('inbox.headActions')}>
      {prepared ? (
        <SigningDialog request={{ payload: result.content, onSigned: (signed) => void approve(signed.cms) }} />
      ) : (
        <button type="button" onClick={() => void prepare()} data-testid="prepare-sign">
          {t('inbox.toSign')}
        </button>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void returnToClerk(comment).then((done) => done && setComment(''));
        }}
      >
        <label className="field">
          {t('inbox.returnComment')}
          <textarea value={comment} onChange={(event) => setComment(event.target.value)} />
        </label>
        <button type="submit">{t('inbox.return')}</button>
      </form>
    </section>
  );
}
