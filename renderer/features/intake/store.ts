import { create } from 'zustand';
import i18next from 'i18next';
import type { CentreSetting, IntakeDraft, IntakeRefusal, Language, RequestContent, ServiceReach } from '../../../shared/api';
import type { ServiceSummary } from '../../../shared/catalog/schema';
import { useViewer } from '../print/store';
import { arm } from '../../app/api';
import { useAuth } from '../auth/store';

type DraftSummary = Awaited<ReturnType<typeof arm.intake.drafts>>[number];
type Scanner = Awaited<ReturnType<typeof arm.documents.scanners>>[number];
export type ManualPerson = { iin: string; surname: string; name: string; patronymic: string; birthDate: string; address: string };

interface IntakeState {
  services: ServiceSummary[] | null;
  /** What this centre may take in, and why the rest is missing (reach.services). */
  reach: ServiceReach[] | null;
  drafts: DraftSummary[];
  centre: CentreSetting | null;
  draft: IntakeDraft | null;
  /** Set after intake.prepare: the signing dialog is open over this content. */
  content: RequestContent | null;
  scanners: Scanner[] | null;
  /** This workstation's remembered scanner (SANE device, wia:…, folder:…). */
  scanner: string | null;
  busy: boolean;
  error: unknown;
  /** The last failed look-up was GATEWAY_UNAVAILABLE for this role: offer manual entry. */
  offline: 'applicant' | 'representative' | null;
  load(): Promise<void>;
  start(serviceId: string): Promise<void>;
  open(requestId: string): Promise<void>;
  close(): void;
  save(change: Partial<Pick<IntakeDraft, 'language' | 'represented' | 'fields' | 'checklist'>>): Promise<void>;
  lookup(role: 'applicant' | 'representative', iin: string): Promise<void>;
  manual(role: 'applicant' | 'representative', person: ManualPerson): Promise<void>;
  notarised(number: string, date: string): Promise<void>;
  simple(): Promise<void>;
  upload(document: number, file: File): Promise<void>;
  loadScanners(): Promise<void>;
  rememberScanner(device: string): Promise<void>;
  scan(document: number, device: string, resolution: 150 | 300, mode: 'Color' | 'Gray'): Promise<void>;
  remove(document: number, sha256: string): Promise<void>;
  /** Moves a page one place earlier (-1) or later (+1). */
  move(document: number, sha256: string, by: -1 | 1): Promise<void>;
  assemble(document: number): Promise<void>;
  /** Continue despite a possible duplicate, saying why (audited). */
  continueDuplicate(reason: string): Promise<void>;
  prepare(): Promise<void>;
  cancelSigning(): void;
  submit(cms: string): Promise<void>;
  refuse(refusal: IntakeRefusal): Promise<void>;
  print(language: Language): Promise<void>;
}

/** The counter's intake: every change goes to the core at once, which keeps the draft in SQLite. */
export const useIntake = create<IntakeState>((set, get) => {
  // One call at a time, in order: a slow save must not land after a newer one.
  let queue: Promise<unknown> = Promise.resolve();
  function run(action: () => Promise<Partial<IntakeState> | void>): Promise<void> {
    const next = queue.then(async () => {
      set({ busy: true, error: null, offline: null });
      try {
        set({ ...(await action()), busy: false });
      } catch (error) {
        set({ error, busy: false });
      }
    });
    queue = next;
    return next;
  }
  const draftId = () => get().draft!.requestId;
  const showDraft = async (draft: Promise<IntakeDraft>) => ({ draft: await draft, content: null });
  return {
    services: null,
    reach: null,
    drafts: [],
    centre: null,
    draft: null,
    content: null,
    scanners: null,
    scanner: null,
    busy: false,
    error: null,
    offline: null,
    load: () =>
      run(async () => {
        // Reach is the centre's: the provider's office takes in what its own channel names (IntakeScreen).
        const office = useAuth.getState().status?.user?.role === 'officeWorker';
        const [services, drafts, centre, reach] = await Promise.all([arm.catalog.list(), arm.intake.drafts(), arm.intake.centre(), office ? null : arm.reach.services()]);
        return { services, drafts, centre, reach: reach?.services ?? null };
      }),
    start: (serviceId) => run(async () => showDraft(arm.intake.start({ serviceId }))),
    open: (requestId) => run(async () => showDraft(arm.intake.get({ requestId }))),
    close: () => {
      set({ draft: null, content: null, error: null });
      void get().load();
    },
    save: (change) => {
      const draft = get().draft;
      if (!draft) return Promise.resolve();
      const next = { ...draft, ...change };
      // Shown at once; the core's answer (missing documents, …) replaces it.
      set({ draft: next });
      return run(() =>
        showDraft(
          arm.intake.saveDraft({
            requestId: next.requestId,
            language: next.language,
            represented: next.represented,
            fields: next.fields,
            checklist: next.checklist.map(({ document, presented, form }) => ({ document, presented, form })),
          }),
        ),
      );
    },
    lookup: async (role, iin) => {
      await run(() => showDraft(arm.intake.lookupPerson({ requestId: draftId(), role, iin })));
      const error = get().error as { code?: string } | null;
      if (error?.code === 'GATEWAY_UNAVAILABLE') set({ offline: role });
    },
    manual: (role, person) =>
      run(() =>
        showDraft(
          arm.intake.manualPerson({
            requestId: draftId(),
            role,
            person: { ...person, patronymic: person.patronymic.trim() || null, address: person.address.trim() || null },
          }),
        ),
      ),
    notarised: (number, date) => run(() => showDraft(arm.intake.powerOfAttorney({ requestId: draftId(), kind: 'notarised', number, date }))),
    simple: () => run(() => showDraft(arm.intake.powerOfAttorney({ requestId: draftId(), kind: 'simple' }))),
    upload: (document, file) =>
      run(async () => showDraft(arm.documents.upload({ requestId: draftId(), document, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))),
    loadScanners: () => run(async () => ({ scanner: await arm.documents.scanner(), scanners: await arm.documents.scanners() })),
    rememberScanner: (device) => run(async () => ({ scanner: await arm.documents.setScanner({ device }), scanners: await arm.documents.scanners() })),
    scan: (document, device, resolution, mode) => run(() => showDraft(arm.documents.scan({ requestId: draftId(), document, device, resolution, mode }))),
    remove: (document, sha256) => run(() => showDraft(arm.documents.remove({ requestId: draftId(), document, sha256 }))),
    move: (document, sha256, by) =>
      run(() => {
        const pages = [...(get().draft?.checklist.find((item) => item.document === document)?.attachments ?? [])];
        const from = pages.indexOf(sha256);
        const to = from + by;
        if (from < 0 || to < 0 || to >= pages.length) return Promise.resolve();
        [pages[from], pages[to]] = [pages[to]!, pages[from]!];
        return showDraft(arm.documents.reorder({ requestId: draftId(), document, attachments: pages }));
      }),
    assemble: (document) => run(() => showDraft(arm.documents.assemble({ requestId: draftId(), document }))),
    continueDuplicate: (reason) => run(() => showDraft(arm.intake.continueDuplicate({ requestId: draftId(), reason }))),
    prepare: () => run(async () => ({ content: await arm.intake.prepare({ requestId: draftId() }) })),
    cancelSigning: () => set({ content: null }),
    submit: (cms) =>
      run(async () => {
        await arm.intake.submit({ requestId: draftId(), cms });
        return showDraft(arm.intake.get({ requestId: draftId() }));
      }),
    refuse: (refusal) =>
      run(async () => {
        await arm.intake.refuse({ requestId: draftId(), ...refusal });
        return showDraft(arm.intake.get({ requestId: draftId() }));
      }),
    print: (language) =>
      run(async () => {
        const { pdf, fileName } = await arm.print.receipt({ requestId: draftId(), language });
        useViewer.getState().show({ pdf, fileName, kind: 'receipt', title: i18next.t('viewer.receipt', { number: get().draft?.number ?? '' }) });
      }),
  };
});
