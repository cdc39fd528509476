import init from './0001_init.sql';
import accountsAudit from './0002_accounts_audit.sql';
import requests from './0003_requests.sql';
import outbox from './0004_outbox.sql';
import requestContent from './0005_request_content.sql';
import catalogOverrides from './0006_catalog_overrides.sql';
import trust from './0007_trust.sql';
import journal from './0008_journal.sql';
import intake from './0009_intake.sql';
import provider from './0010_provider.sql';
import counters from './0011_counters.sql';
import settings from './0012_settings.sql';
import bothSides from './0013_both_sides.sql';
import nameFolding from './0014_name_folding.sql';
import retention from './0015_retention.sql';
import assignment from './0016_assignment.sql';
import notices from './0017_notices.sql';
import providerChain from './0018_provider_chain.sql';
import keyLogin from './0019_key_login.sql';
import queue from './0020_queue.sql';
import machine from './0021_machine.sql';
import reference from './0022_reference.sql';
import recall from './0023_recall.sql';
import outboxRequest from './0024_outbox_request.sql';
import auditAnchor from './0025_audit_anchor.sql';
import actScan from './0026_act_scan.sql';
import taskNorms from './0027_task_norms.sql';
import nameIndexOnChange from './0028_name_index_on_change.sql';

// Numbered files, applied in order, each in its own transaction; the number is PRAGMA user_version.
// Never edit a shipped migration: add the next number.
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_accounts_audit', sql: accountsAudit },
  { version: 3, name: '0003_requests', sql: requests },
  { version: 4, name: '0004_outbox', sql: outbox },
  { version: 5, name: '0005_request_content', sql: requestContent },
  { version: 6, name: '0006_catalog_overrides', sql: catalogOverrides },
  { version: 7, name: '0007_trust', sql: trust },
  { version: 8, name: '0008_journal', sql: journal },
  { version: 9, name: '0009_intake', sql: intake },
  { version: 10, name: '0010_provider', sql: provider },
  { version: 11, name: '0011_counters', sql: counters },
  { version: 12, name: '0012_settings', sql: settings },
  { version: 13, name: '0013_both_sides', sql: bothSides },
  { version: 14, name: '0014_name_folding', sql: nameFolding },
  { version: 15, name: '0015_retention', sql: retention },
  { version: 16, name: '0016_assignment', sql: assignment },
  { version: 17, name: '0017_notices', sql: notices },
  { version: 18, name: '0018_provider_chain', sql: providerChain },
  { version: 19, name: '0019_key_login', sql: keyLogin },
  { version: 20, name: '0020_queue', sql: queue },
  { version: 21, name: '0021_machine', sql: machine },
  { version: 22, name: '0022_reference', sql: reference },
  { version: 23, name: '0023_recall', sql: recall },
  { version: 24, name: '0024_outbox_request', sql: outboxRequest },
  { version: 25, name: '0025_audit_anchor', sql: auditAnchor },
  { version: 26, name: '0026_act_scan', sql: actScan },
  { version: 27, name: '0027_task_norms', sql: taskNorms },
  { version: 28, name: '0028_name_index_on_change', sql: nameIndexOnChange },
];
