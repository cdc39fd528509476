import type { ComponentType } from 'react';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { DataScreen } from '../features/backup/DataScreen';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { InboxSettingsScreen } from '../features/inbox/InboxSettingsScreen';
import { CentreScreen } from '../features/intake/CentreScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { JournalScreen } from '../features/journal/JournalScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { DashboardScreen } from '../features/reports/DashboardScreen';
import { ReportScreen } from '../features/reports/ReportScreen';
import { IssuanceScreen } from '../features/results/IssuanceScreen';
import { KeyScreen } from '../features/signing/KeyScreen';
import { StatusScreen } from '../features/system/StatusScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { TransferScreen } from '../features/transfer/TransferScreen';
import { ConnectionsScreen } from '../features/workstation/ConnectionsScreen';
import { VerifyScreen } from '../features/verify/VerifyScreen';
import { TasksScreen } from '../features/notices/TasksScreen';
import { RecallScreen } from '../features/recall/RecallScreen';
import { ComplaintsScreen } from '../features/complaints/ComplaintsScreen';
import type { SectionAccess } from './access';

export interface Section extends SectionAccess {
  path: string;
  /** Its link's text: `nav.<label>` in shared/i18n. */
  label: string;
  screen: ComponentType;
}

/**
 * The one table of screens: the router and the navigation are made from it, in this order, and a
 * role sees a section when the contract lets it call the channel the section `serves`.
 */
export const sections: readonly Section[] = [
  { path: '/', label: 'status', screen: StatusScreen, serves: 'system.info' },
  { path: '/intake', label: 'intake', screen: IntakeScreen, serves: 'intake.start' },
  { path: '/issuance', label: 'issuance', screen: IssuanceScreen, serves: 'results.counter' },
  { path: '/tasks', label: 'tasks', screen: TasksScreen, serves: 'notices.tasks' },
  { path: '/recall', label: 'recall', screen: RecallScreen, serves: 'recall.list' },
  { path: '/inbox', label: 'inbox', screen: InboxScreen, serves: 'inbox.list' },
  { path: '/journal', label: 'journal', screen: JournalScreen, serves: 'journal.search' },
  { path: '/queue', label: 'queue', screen: QueueScreen, serves: 'queue.lookup' },
  { path: '/transfer', label: 'transfer', screen: TransferScreen, serves: 'transfer.export' },
  { path: '/verify', label: 'verify', screen: VerifyScreen, serves: 'verify.print' },
  { path: '/catalog', label: 'catalog', screen: CatalogScreen, serves: 'catalog.list' },
  { path: '/signing', label: 'signing', screen: KeyScreen, serves: 'signing.inspectKey' },
  { path: '/dashboard', label: 'dashboard', screen: DashboardScreen, serves: 'reports.dashboard' },
  { path: '/reports', label: 'reports', screen: ReportScreen, serves: 'reports.period' },
  { path: '/accounts', label: 'accounts', screen: AccountsScreen, serves: 'accounts.list' },
  { path: '/audit', label: 'audit', screen: AuditScreen, serves: 'audit.list' },
  { path: '/complaints', label: 'complaints', screen: ComplaintsScreen, serves: 'complaints.list' },
  { path: '/centre', label: 'centre', screen: CentreScreen, serves: 'intake.setCentre' },
  { path: '/inbox-settings', label: 'inboxSettings', screen: InboxSettingsScreen, serves: 'inbox.configure' },
  { path: '/sync', label: 'sync', screen: SyncScreen, serves: 'sync.retryParked' },
  { path: '/connections', label: 'connections', screen: ConnectionsScreen, serves: 'workstation.setConnections' },
  { path: '/data', label: 'data', screen: DataScreen, serves: 'backup.status' },
];
