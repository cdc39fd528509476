import type { ChannelName } from './channel';
import { accountsChannels } from './accounts';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { authChannels } from './auth';
import { catalogChannels } from './catalog';
import { chainChannels } from './chain';
import { decisionChannels } from './decision';
import { documentsChannels } from './documents';
import { inboxChannels } from './inbox';
import { intakeChannels } from './intake';
import { journalChannels } from './journal';
import { lookupChannels } from './lookup';
import { outboxChannels } from './outbox';
import { printChannels } from './print';
import { reachChannels } from './reach';
import { noticesChannels } from './notices';
import { recallChannels } from './recall';
import { complaintsChannels } from './complaints';
import { visitsChannels } from './visits';
import { queueChannels } from './queue';
import { reportsChannels } from './reports';
import { resultsChannels } from './results';
import { retentionChannels } from './retention';
import { signingChannels } from './signing';
import { syncChannels } from './sync';
import { supportChannels } from './support';
import { systemChannels } from './system';
import { transferChannels } from './transfer';
import { updateChannels } from './update';
import { workstationChannels } from './workstation';
import { verifyChannels } from './verify';

// The one registry of channels, merged from each capability's own file shared/api/<capability>.ts
// (its schemas and its block). Adding a capability: that file, a line here, a handler set in
// electron/core/<capability>/ registered in electron/core/handlers.ts (docs/architecture.md).
export const contract = {
  system: systemChannels,
  catalog: catalogChannels,
  auth: authChannels,
  accounts: accountsChannels,
  lookup: lookupChannels,
  outbox: outboxChannels,
  audit: auditChannels,
  signing: signingChannels,
  journal: journalChannels,
  reports: reportsChannels,
  transfer: transferChannels,
  intake: intakeChannels,
  documents: documentsChannels,
  print: printChannels,
  inbox: inboxChannels,
  decision: decisionChannels,
  results: resultsChannels,
  chain: chainChannels,
  queue: queueChannels,
  sync: syncChannels,
  update: updateChannels,
  workstation: workstationChannels,
  verify: verifyChannels,
  backup: backupChannels,
  retention: retentionChannels,
  support: supportChannels,
  reach: reachChannels,
  notices: noticesChannels,
  recall: recallChannels,
  complaints: complaintsChannels,
  visits: visitsChannels,
};

export type Contract = typeof contract;
export type ArmChannel = ChannelName<Contract>;
