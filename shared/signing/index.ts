// ЭЦП checks both the АРМ core and the gateway emulator run (ARCHITECTURE.md: shared/ holds the
// pure checks). The zod card lives in ./card so the renderer can use it without node-forge.
export * from './bytes';
export * from './canonical';
export * from './card';
export * from './certificate';
export * from './cms';
export * from './crl';
export * from './roots';
export * from './ocsp';
export * from './window';
