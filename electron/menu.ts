import type { MenuItemConstructorOptions } from 'electron';
import { catalogs, type Language } from '../shared/i18n';

// The installed app's menu and title, built as data so tests read them without Electron; main.ts
// hands the template to Menu.buildFromTemplate.

export const PRODUCT_NAME = 'АРМ ЦОН';

/** «АРМ ЦОН 0.2.0», and in training mode a mark no one can miss. */
export function windowTitle(version: string, training: boolean, language: Language = 'ru'): string {
  return `${PRODUCT_NAME} ${version}${training ? ` — ${catalogs[language].menu.trainingTitle}` : ''}`;
}

export function menuTemplate(options: {
  training: boolean;
  /** Restarts the app in the other mode (main.ts: app.relaunch with the matching arguments). */
  switchMode: (training: boolean) => void;
  language?: Language;
}): MenuItemConstructorOptions[] {
  const words = catalogs[options.language ?? 'ru'].menu;
  return [
    {
      label: words.file,
      submenu: [
        options.training
          ? { label: words.live, click: () => options.switchMode(false) }
          : { label: words.training, click: () => options.switchMode(true) },
        { type: 'separator' },
        { label: words.quit, role: 'quit' },
      ],
    },
    { label: words.help, submenu: [{ label: words.about, role: 'about' }] },
  ];
}

/**
 * The arguments of the relaunch: the same ones without the mode (--training, and the emulator's
 * --gateway npm start's launcher passed), plus the chosen mode. --data-dir stays: training mode
 * derives its own folder from it (host/training.ts trainingDataDir).
 */
export function relaunchArgs(argv: readonly string[], training: boolean): string[] {
  const kept: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--training') continue;
    if (arg === '--gateway') {
      index++;
      continue;
    }
    kept.push(arg);
  }
  return training ? [...kept, '--training'] : kept;
}
