import type { TFunction } from 'i18next';
import { requestStateSchema } from '../../../shared/api';

/**
 * An audit action as the supervisor reads it: `auditAction.<area>.<what>` in shared/i18n, a
 * request's move (`request.<state>`) by its state's name. An action this build does not know
 * (written by a newer one) is shown as stored.
 */
export function auditActionLabel(action: string, t: TFunction): string {
  const [area = '', what = ''] = action.split('.');
  const key = `auditAction.${area}.${what}`;
  if (t(key, { defaultValue: '' })) return t(key);
  const state = requestStateSchema.safeParse(what);
  if (area === 'request' && state.success) return t('auditAction.request.move', { state: t(`requestState.${state.data}`) });
  return action;
}
