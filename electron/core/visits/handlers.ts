import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { findVisit, recordTicket } from './visits';

export const visitsHandlers: Handlers<Contract>['visits'] = {
  ticket: (input, ctx) => recordTicket(requireDb(ctx), input),
  get: ({ requestId }, ctx) => findVisit(requireDb(ctx), requestId),
};
