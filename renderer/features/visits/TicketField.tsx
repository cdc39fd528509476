import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

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
  useEffect(() => {
    void arm.visits.get({ requestId }).then((found) => {
      setVisit(found);
      if (found) setTicket(found.ticket);
    }, setError);
  }, [requestId]);
  return (
    <form
      className="actions"
      data-testid="ticket-form"
      onSubmit={(event) => {
        event.preventDefault();
        arm.visits.ticket({ requestId, ticket, issuedAt: issuedAt || null }).then((saved) => {
          setVisit(saved);
          setError(null);
        }, setError);
      }}
    >
      <label className="field">
        {t('intake.ticket')}
        <input value={ticket} onChange={(event) => setTicket(event.target.value)} maxLength={40} placeholder="A-015" data-testid="ticket" />
      </label>
      <label className="field">
        {t('intake.ticketIssuedAt')}
        <input type="time" value={issuedAt} onChange={(event) => setIssuedAt(event.target.value)} data-testid="ticket-time" />
      </label>
      <button type="submit">{t('intake.ticketSave')}</button>
      {visit ? <span role="status">{t('intake.ticketSaved', { ticket: visit.ticket })}</span> : null}
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
