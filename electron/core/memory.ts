// V8 flags the core's process runs with. A 1 MB semi-space (V8's young generation, 16 MB by default
// on 64-bit) keeps ~30 MB less resident in a process that renders PDFs and parses JSON all day,
// for more frequent, shorter scavenges. The old generation grows by a fifth after a full
// collection instead of V8's speed-based factor (up to 4×): after a day's bursts (journal
// searches, period reports) the core held ~7 MB less garbage (core.rss_mb 121 MB against 128 MB
// on the million-request database), the signing, intake and PDF timings unchanged within their
// noise. Electron reads V8 flags for its main process only from the command line, so the main
// process relaunches itself once with them (electron/lifecycle.ts); `npm run bench` runs with the
// same flags, so its timings and core.rss_mb are the configuration users get.
export const CORE_V8_FLAGS = ['--max-semi-space-size=1', '--heap-growing-percent=20'] as const;

/** The same flags as Electron's command-line switch, for launchers that start Electron (no relaunch then). */
export const CORE_JS_FLAGS_SWITCH = `--js-flags=${CORE_V8_FLAGS.join(' ')}`;
