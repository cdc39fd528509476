import { describe, expect, it } from 'vitest';
import { menuTemplate, relaunchArgs, windowTitle } from './menu';

describe('the installed app menu and title', () => {
  it('names the product and version in the title and marks training mode', () => {
    expect(windowTitle('0.2.0', false)).toBe('АРМ ЦОН 0.2.0');
    expect(windowTitle('0.2.0', true)).toBe('АРМ ЦОН 0.2.0 — УЧЕБНЫЙ РЕЖИМ');
    expect(windowTitle('0.2.0', true, 'kk')).toBe('АРМ ЦОН 0.2.0 — ОҚУ РЕЖИМІ');
  });

  it('offers training mode in live mode and live mode in training, and the About box', () => {
    const chosen: boolean[] = [];
    for (const training of [false, true]) {
      const [file, help] = menuTemplate({ training, switchMode: (mode) => chosen.push(mode) });
      const items = file!.submenu as Array<{ label?: string; click?: () => void; role?: string }>;
      expect(items[0]!.label).toBe(training ? 'Перезапустить в рабочем режиме' : 'Перезапустить в учебном режиме');
      items[0]!.click!();
      expect((help!.submenu as Array<{ role?: string }>)[0]!.role).toBe('about');
    }
    expect(chosen).toEqual([true, false]);
  });

  it('relaunches with the same arguments in the chosen mode, without the emulator the launcher had started', () => {
    const argv = ['/opt/arm/arm', '--data-dir', '/tmp/x', '--gateway', 'http://127.0.0.1:1', '--training', '--update-url', 'https://u.kz/'];
    expect(relaunchArgs(argv, false)).toEqual(['/opt/arm/arm', '--data-dir', '/tmp/x', '--update-url', 'https://u.kz/']);
    expect(relaunchArgs(['/opt/arm/arm'], true)).toEqual(['/opt/arm/arm', '--training']);
  });
});
