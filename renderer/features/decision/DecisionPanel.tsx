import { Button, Checkbox, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/api';
import type { Variant } from '../../../shared/catalog/schema';
import { outsideStage } from '../../../shared/catalog/steps';
import { languages, type Language } from '../../../shared/i18n';
import { alsoIssued, typedFields, type TemplateField } from '../../../shared/results/templates';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
import { SelectField } from '../../ui/SelectField';
import { useInbox } from '../inbox/store';
import { SigningDialog } from '../signing/SigningDialog';

// The decision on an opened request (decision.*): the clerk's certificate or motivated refusal,
// the result's PDFs, the head's signature or return. The inbox screen places these panels.

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languages.find((candidate) => candidate === i18n.language) ?? 'ru';
}

type Fields = Record<string, string>;

/** One document's fields as its template asks them (a date picker, a choice or a line of text). */
function FieldInputs({ fields: template, values, onChange, language }: { fields: TemplateField[]; values: Fields; onChange: (values: Fields) => void; language: Language }) {
  return template.map((field) =>
    field.type === 'date' ? (
      <DateField key={field.key} label={field.label[language]} value={values[field.key] ?? ''} onChange={(value) => onChange({ ...values, [field.key]: value })} data-field={field.key} />
    ) : field.type === 'choice' ? (
      <SelectField
        key={field.key}
        label={field.label[language]}
        value={values[field.key] ?? ''}
        onChange={(value) => onChange({ ...values, [field.key]: value })}
        options={field.options?.map((option) => ({ value: option.value, label: language === 'kk' ? option.kk : option.value })) ?? []}
        data-field={field.key}
      />
    ) : (
      <Field key={field.key} label={field.label[language]} value={values[field.key] ?? ''} onChange={(value) => onChange({ ...values, [field.key]: value })} data-field={field.key} />
    ),
  );
}

const filled = (template: TemplateField[], values: Fields): Fields => Object.fromEntries(template.map((field) => [field.key, values[field.key] ?? '']));

export function DecisionForm({ view, variant }: { view: RequestView; variant: Variant }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const decide = useInbox((state) => state.decide);
  // 001 Рег.3: the akimat's resolution is the result; the executor only refuses (п.5 пп.3 «или
  // готовит мотивированный ответ об отказе»), the resolution itself is recorded in the chain panel.
  const actIsResult = outsideStage(variant)?.kind === 'akimatResolution';
  const [outcome, setOutcome] = useState<'certificate' | 'refusal'>(actIsResult ? 'refusal' : 'certificate');
  // Where the regulation offers a choice (003 Reg.3: referral or queue notice) the clerk picks one;
  // where one decision issues several documents (001 Reg.6, Reg.12) each has its fields.
  const [chosen, setChosen] = useState(variant.results[0]?.templateId ?? '');
  const result = variant.results.find((candidate) => candidate.templateId === chosen) ?? variant.results[0];
  const together = variant.results.filter((candidate) => alsoIssued(variant).includes(candidate.templateId));
  const [fields, setFields] = useState<Record<string, Fields>>({});
  const [grounds, setGrounds] = useState<string[]>([]);
  const [text, setText] = useState('');
  const refusalFields = typedFields(variant.refusal.templateId);
  const submit = () =>
    void decide(
      outcome === 'certificate'
        ? {
            requestId: view.id,
            outcome,
            templateId: chosen,
            fields: filled(typedFields(chosen), fields[chosen] ?? {}),
            ...(together.length ? { also: together.map((other) => ({ templateId: other.templateId, fields: filled(typedFields(other.templateId), fields[other.templateId] ?? {}) })) } : {}),
          }
        : { requestId: view.id, outcome, grounds: grounds as never, text, ...(refusalFields.length ? { fields: filled(refusalFields, fields.refusal ?? {}) } : {}) },
    );
  const documentInputs = (templateId: string) => (
    <FieldInputs fields={typedFields(templateId)} values={fields[templateId] ?? {}} onChange={(values) => setFields({ ...fields, [templateId]: values })} language={language} />
  );
  return (
    <form
      className="form decision"
      aria-label={t('inbox.decision')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('inbox.decision')}</h3>
      {actIsResult ? <p className="muted" data-testid="act-is-result">{t('errors.ACT_IS_RESULT')}</p> : null}
      <Radio.Group
        name="outcome"
        aria-label={t('inbox.decision')}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as typeof outcome)}
        options={(actIsResult ? (['refusal'] as const) : (['certificate', 'refusal'] as const)).map((value) => ({ value, label: t(`inbox.outcome.${value}`) }))}
      />
      {outcome === 'certificate' ? (
        <>
          {variant.resultsIssued === 'oneOf' ? (
            <fieldset data-testid="result-choice">
              <legend>{t('inbox.resultChoice')}</legend>
              <Radio.Group
                name="result"
                className="stacked"
                value={chosen}
                onChange={(event) => setChosen(event.target.value as string)}
                options={variant.results.map((candidate) => ({ value: candidate.templateId, label: candidate.name[language] }))}
              />
            </fieldset>
          ) : (
            <p className="muted">{result?.name[language]}</p>
          )}
          {result?.queue ? <p className="muted">{t('inbox.queueHint')}</p> : null}
          {documentInputs(chosen)}
          {together.map((other) => (
            <fieldset key={other.templateId}>
              <legend>{other.name[language]}</legend>
              {documentInputs(other.templateId)}
            </fieldset>
          ))}
        </>
      ) : (
        <>
          <fieldset>
            <legend>{t('inbox.grounds')}</legend>
            <Checkbox.Group
              className="stacked"
              value={grounds}
              onChange={(codes) => setGrounds(codes)}
              options={variant.refusalGrounds.map((ground) => ({
                value: ground.code,
                label: (
                  <>
                    {t(`catalog.refusal.${ground.code}`)} <span className="muted">({ground.cite.map((cite) => cite.paragraph).join('; ')})</span>
                  </>
                ),
              }))}
            />
          </fieldset>
          <FieldInputs fields={refusalFields} values={fields.refusal ?? {}} onChange={(values) => setFields({ ...fields, refusal: values })} language={language} />
          <TextAreaField label={t('inbox.refusalText')} value={text} onChange={setText} data-field="refusalText" />
        </>
      )}
      <div className="actions">
        <Button htmlType="submit" type="primary" data-testid="decide">
          {t('inbox.decide')}
        </Button>
      </div>
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
            <Button key={lang} href={links[lang]} download={`${result.content.number}-${lang}.pdf`} data-testid={`pdf-${lang}`}>
              {t('inbox.downloadPdf', { lang: lang === 'ru' ? 'Рус' : 'Қаз' })}
            </Button>
          ) : (
            <Button
              key={lang}
              onClick={() =>
                void pdf(lang).then((url) => {
                  if (url) setLinks((current) => ({ ...current, [lang]: url }));
                })
              }
              data-testid={`make-pdf-${lang}`}
            >
              {t(view.state === 'decided' ? 'inbox.previewPdf' : 'inbox.makePdf', { lang: lang === 'ru' ? 'Рус' : 'Қаз' })}
            </Button>
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
        <Button type="primary" onClick={() => void prepare()} data-testid="prepare-sign">
          {t('inbox.toSign')}
        </Button>
      )}
      <form
        className="form"
        aria-label={t('inbox.return')}
        onSubmit={(event) => {
          event.preventDefault();
          void returnToClerk(comment).then((done) => done && setComment(''));
        }}
      >
        <TextAreaField label={t('inbox.returnComment')} value={comment} onChange={setComment} />
        <div className="actions">
          <Button htmlType="submit" danger>
            {t('inbox.return')}
          </Button>
        </div>
      </form>
    </section>
  );
}
