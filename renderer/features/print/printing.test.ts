import { describe, expect, it } from 'vitest';
import type { ArmPrinting } from '../../../shared/api';
import { printViewer } from './printing';

describe('printViewer', () => {
  it("in Electron prints to the workstation's printer for the kind, without the browser dialog", async () => {
    const asked: Array<string | null> = [];
    let dialogs = 0;
    const armPrinting: ArmPrinting = { print: async (printer) => (asked.push(printer), { status: 'printed' }), printers: async () => [] };
    await expect(printViewer({ armPrinting, print: () => void (dialogs += 1) }, async () => 'Kyocera')).resolves.toEqual({ status: 'printed' });
    expect(asked).toEqual(['Kyocera']);
    expect(dialogs).toBe(0);
  });

  it('passes a failed print back so the operator can print the same PDF again', async () => {
    const armPrinting: ArmPrinting = { print: async () => ({ status: 'failed', reason: 'paper jam' }), printers: async () => [] };
    await expect(printViewer({ armPrinting, print: () => undefined }, async () => null)).resolves.toEqual({ status: 'failed', reason: 'paper jam' });
  });

  it("in the browser opens the browser's print dialog and asks no printer", async () => {
    let dialogs = 0;
    let looked = false;
    const outcome = await printViewer({ print: () => void (dialogs += 1) }, async () => ((looked = true), 'x'));
    expect(outcome).toEqual({ status: 'dialog' });
    expect(dialogs).toBe(1);
    expect(looked).toBe(false);
  });
});
