// The version floor (issue 16): the АРМ names its version on every gateway call; a gateway with a
// floor refuses older clients with CLIENT_TOO_OLD (426) — a release that signs or sends the wrong
// thing can be shut out without touching the workstations.

/** The request header that carries the АРМ's version ("0.2.1"). */
export const CLIENT_VERSION_HEADER = 'x-arm-version';

const VERSION = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+][0-9A-Za-z.-]*)?$/;

/** [major, minor, patch], or null for anything that is not a version. */
export function parseVersion(text: string): [number, number, number] | null {
  const match = VERSION.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** True when `version` is at or above `floor`; a missing or malformed version is below any floor. */
export function meetsFloor(version: string | null | undefined, floor: string): boolean {
  const floorParts = parseVersion(floor);
  if (!floorParts) throw new Error(`Not a version floor: ${floor}`);
  const parts = version ? parseVersion(version) : null;
  if (!parts) return false;
  for (let index = 0; index < 3; index++) if (parts[index] !== floorParts[index]) return parts[index]! > floorParts[index]!;
  return true;
}
