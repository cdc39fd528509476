import type { Logger } from '../../electron/core/log';

// Shared by the bench modules: one JSON object a line, {"name","value","unit"}.

export const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function report(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
