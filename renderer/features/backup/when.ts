import { formatDateTime } from '../../../shared/time';

/** A stored ISO time as the operator reads it: dd.mm.yyyy HH:MM in Kazakhstan time, whatever the machine's zone. */
export function when(iso: string): string {
  return formatDateTime(new Date(iso));
}
