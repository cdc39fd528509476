import type { Contract } from '../../shared/api';
import { accountsHandlers } from './accounts/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { lookupHandlers } from './gateway/handlers';
import { outboxHandlers } from './outbox/handlers';
import { reportsHandlers } from './reports/handlers';
import { catalogHandlers } from './catalog/handlers';
import { documentsHandlers } from './documents/handlers';
import { intakeHandlers } from './intake/handlers';
import { printHandlers } from './print/handlers';
import { decisionHandlers } from './decision/handlers';
import { inboxHandlers } from './inbox/handlers';
import { resultsHandlers } from './results/handlers';
import { chainHandlers } from './chain/handlers';
import type { Handlers } from './handler';
import { journalHandlers } from './journal/handlers';
import { signingHandlers } from './signing/handlers';
import { transferHandlers } from './transfer/handlers';
import { syncHandlers } from './sync/handlers';
import { updateHandlers } from './update/handlers';
import { workstationHandlers } from './workstation/handlers';
import { verifyHandlers } from './verify/handlers';
import { systemHandlers, type SystemState } from './system/handlers';
import { backupHandlers } from './backup/handlers';
import { queueHandlers } from './queue/handlers';
import { retentionHandlers } from './retention/handlers';
import { supportHandlers } from './support/handlers';
import { reachHandlers } from './reach/handlers';
import { noticesHandlers } from './notices/handlers';
import { recallHandlers } from './recall/handlers';
import { complaintsHandlers } from './complaints/handlers';
import { visitsHandlers } from './visits/handlers';

/** The one handler registry both hosts serve; each capability contributes its block. */
export function createHandlers(state: SystemState): Handlers<Contract> {
  return {
    system: systemHandlers(state),
    catalog: catalogHandlers(),
    auth: authHandlers,
    accounts: accountsHandlers,
    audit: auditHandlers,
    lookup: lookupHandlers,
    outbox: outboxHandlers,
    signing: signingHandlers,
    journal: journalHandlers,
    reports: reportsHandlers,
    transfer: transferHandlers,
    intake: intakeHandlers,
    documents: documentsHandlers,
    print: printHandlers,
    inbox: inboxHandlers,
    decision: decisionHandlers,
    results: resultsHandlers,
    chain: chainHandlers,
    sync: syncHandlers,
    update: updateHandlers,
    workstation: workstationHandlers,
    verify: verifyHandlers,
    backup: backupHandlers(state),
    retention: retentionHandlers,
    queue: queueHandlers,
    support: supportHandlers,
    reach: reachHandlers,
    notices: noticesHandlers,
    recall: recallHandlers,
    complaints: complaintsHandlers,
    visits: visitsHandlers,
  };
}
