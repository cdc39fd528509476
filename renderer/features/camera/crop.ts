// Cropping a captured frame: the operator trims each edge by a share of the frame (0–45 %), so
// the page fills the picture that becomes a scan. Pure, so it is tested without a camera.

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_MARGINS: Margins = { top: 0, right: 0, bottom: 0, left: 0 };

/** The most one edge may be trimmed, in per cent: two opposite edges always leave a tenth of the frame. */
export const MAX_MARGIN = 45;

/** The pixel rectangle left of a width × height frame after the margins (each clamped to 0–45 %). */
export function cropRect(width: number, height: number, margins: Margins): { x: number; y: number; width: number; height: number } {
  const share = (value: number) => Math.min(MAX_MARGIN, Math.max(0, Number.isFinite(value) ? value : 0)) / 100;
  const x = Math.round(width * share(margins.left));
  const y = Math.round(height * share(margins.top));
  const right = Math.round(width * share(margins.right));
  const bottom = Math.round(height * share(margins.bottom));
  return { x, y, width: Math.max(1, width - x - right), height: Math.max(1, height - y - bottom) };
}

/** Why there is no picture, as the key of a message (camera.unavailable.*): never a silent failure. */
export type CameraProblem = 'unsupported' | 'none' | 'denied' | 'busy' | 'failed';

/** getUserMedia's DOMException names → what the operator is told. */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'none';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  return 'failed';
}
