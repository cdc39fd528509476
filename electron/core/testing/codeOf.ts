import { ArmError, type ErrorCode } from '../../../shared/api';

type Outcome = ErrorCode | 'ok';

/**
 * The error code a call ends with, or 'ok': a client call (rejects with ArmError), a dispatched
 * envelope (`core.dispatch` answers `{ ok: false, error }`), or a synchronous function that
 * throws. Anything else thrown is rethrown: a bug is not an error code.
 */
export function codeOf(call: Promise<unknown>): Promise<Outcome>;
export function codeOf(call: () => unknown): Outcome;
export function codeOf(call: Promise<unknown> | (() => unknown)): Outcome | Promise<Outcome> {
  if (typeof call !== 'function') return call.then(outcome, caught);
  let value: unknown;
  try {
    value = call();
  } catch (error) {
    return caught(error);
  }
  // A function that answers a promise would always look 'ok' here.
  if (value instanceof Promise) throw new Error('codeOf: pass the promise itself, not a function returning one');
  return outcome(value);
}

function caught(error: unknown): Outcome {
  if (error instanceof ArmError) return error.code;
  throw error;
}

function outcome(value: unknown): Outcome {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return 'ok';
  if (value.ok === false && 'error' in value) return (value.error as { code: ErrorCode }).code;
  return 'ok';
}
