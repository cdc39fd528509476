// Test helpers of the core (never imported by production code): the one core fixture, the one
// error-code helper, the provider-side workstation and the requests intake sends.
export { codeOf } from './codeOf';
export { queueRequest, requestMessageTo } from './outbox';
export { memoryLogger, signedIn, SUPERVISOR, TEST_START, testCore, type MemoryLogger, type TestClock, type TestCore, type TestCoreOptions } from './core';
