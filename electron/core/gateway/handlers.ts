import { ArmError, type Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb, requireGateway, type CoreContext } from '../context';
import type { Handlers } from '../handler';

interface Looked {
  action: 'person.lookup' | 'poa.lookup';
  objectType: 'person' | 'powerOfAttorney';
  objectId: string;
  details?: Record<string, unknown>;
}

/** Runs a registry look-up and writes who looked up what, whatever the answer was. */
async function audited<T>(ctx: CoreContext, userId: string, what: Looked, lookup: () => Promise<T>): Promise<T> {
  const db = requireDb(ctx);
  const write = (result: string) =>
    appendAudit(db, { userId, action: what.action, objectType: what.objectType, objectId: what.objectId, details: { ...what.details, result } }, ctx.now());
  try {
    const found = await lookup();
    write('found');
    return found;
  } catch (error) {
    write(error instanceof ArmError ? error.code : 'INTERNAL');
    throw error;
  }
}

export const lookupHandlers: Handlers<Contract>['lookup'] = {
  person: ({ iin }, ctx, { caller }) =>
    audited(ctx, caller!.userId, { action: 'person.lookup', objectType: 'person', objectId: iin }, () => requireGateway(ctx).person({ iin })),

  powerOfAttorney: ({ number, date }, ctx, { caller }) =>
    audited(ctx, caller!.userId, { action: 'poa.lookup', objectType: 'powerOfAttorney', objectId: number, details: { date } }, () =>
      requireGateway(ctx).powerOfAttorney({ number, date }),
    ),
};
