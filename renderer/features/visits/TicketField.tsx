import { Button, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';

/**
 * The electronic-queue ticket of the person at the desk, typed or scanned (a barcode scanner types
 * it and presses Enter), with the time printed on it: what wait and service times are measured from.
 */
export function TicketField({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [visit, setVisit] = useState<Visit | null>(null);
  const [ticket, setTicket] = useState('');
  const [issuedAt, setIssuedAt] = useState('');
  const [error, setError] = useState<unknown>(null);
  const timeId = useId();
  useEffect(() => {
    void arm.visits.get({ requestId }).then((found) => {
      setVisit(found);
      if (found) setTicket(found.ticket);
    }, setError);
  }, [requestId]);
  return (
    <form
      className="actions ticket-form"
      data-testid="ticket-form"
      onSubmit={(event) => {
        event.preventDefault();
        arm.visits.ticket({ requestId, ticket, issuedAt: issuedAt || null }).then((saved) => {
          setVisit(saved);
          setError(null);
        }, setError);
      }}
    >
      <Field label={t('intake.ticket')} value={ticket} onChange={setTicket} maxLength={40} placeholder="A-015" data-testid="ticket" />
      {/* The time printed on the ticket, hh:mm (24 hours, as in Kazakhstan). */}
      <div className="field" data-field="ticket-time">
        <label htmlFor={timeId}>{t('intake.ticketIssuedAt')}</label>
        <TimePicker
          id={timeId}
          format="HH:mm"
          needConfirm={false}
          value={issuedAt ? dayjs(issuedAt, 'HH:mm') : null}
          onChange={(time) => setIssuedAt(time ? time.format('HH:mm') : '')}
          placeholder="09:30"
        />
      </div>
      <Button htmlType="submit">{t('intake.ticketSave')}</Button>
      {visit ? <span role="status">{t('intake.ticketSaved', { ticket: visit.ticket })}</span> : null}
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
