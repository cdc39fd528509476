import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { localDateTime } from '../../../shared/time';
import { departmentRequest, listInbox, requestView } from '../inbox/repository';
import { approve, cabinetDocuments, decide, prepareSigning, resultView, returnToClerk } from './repository';

export const decisionHandlers: Handlers<Contract>['decision'] = {
  decide: (input, ctx, { caller }) => decide(requireDb(ctx), input, caller!, ctx.now(), ctx.gateway.mode === 'training'),
  result: ({ requestId }, ctx) => {
    const db = requireDb(ctx);
    departmentRequest(db, requestId);
    return resultView(db, requestId);
  },
  /** The head's "to sign" queue (на подпись): every decided request of the department. */
  queue: (_input, ctx) => listInbox(requireDb(ctx), { state: 'decided' }, localDateTime(ctx.now())),
  prepare: ({ requestId }, ctx, { caller }) => prepareSigning(requireDb(ctx), requestId, caller!, ctx.now()),
  approve: async ({ requestId, cms }, ctx, { caller }) => {
    const db = requireDb(ctx);
    departmentRequest(db, requestId);
    // Rendered before the transaction that signs and sends: a portal result travels with its PDFs.
    const documents = await cabinetDocuments(db, requestId, cms, ctx.resources.fonts(), ctx.dataDir);
    return approve(db, requestId, cms, caller!, ctx.now(), ctx.crypto, documents);
  },
  return: ({ requestId, comment }, ctx, { caller }) => {
    const db = requireDb(ctx);
    returnToClerk(db, requestId, comment, caller!, ctx.now());
    return requestView(db, requestId, localDateTime(ctx.now()));
  },
};
