import { existsSync } from 'node:fs';
import path from 'node:path';
import { ArmError } from '../../shared/api';

// Every file the АРМ reads at run time besides its code, in one place, so the package and the
// resolver cannot disagree: electron-builder copies assets/ to <resources>/assets (extraResources),
// `npm run pack:check` asks this list whether everything arrived.

/** Paths relative to the assets folder. DejaVu covers every Kazakh letter (ә ғ қ ң ө ұ ү һ і). */
export const ASSET_FILES = {
  fontRegular: 'fonts/DejaVuSans.ttf',
  fontBold: 'fonts/DejaVuSans-Bold.ttf',
  fontLicense: 'fonts/LICENSE-DejaVu.txt',
} as const;

export type AssetName = keyof typeof ASSET_FILES;

export interface Fonts {
  regular: string;
  bold: string;
}

export interface Resources {
  /** The assets folder these paths come from. */
  dir: string;
  /** Asset files that are not there: printing refuses with RESOURCES_MISSING instead of crashing. */
  missing: string[];
  file(name: AssetName): string;
  /** The PDF fonts; throws RESOURCES_MISSING when either is absent. */
  fonts(): Fonts;
}

/**
 * Where the assets are: `<resourcesPath>/assets` in an installed app (Electron's
 * process.resourcesPath, given by main.ts when app.isPackaged), `<repo>/assets` otherwise. Never the
 * working directory: an installed АРМ starts from wherever the shortcut says.
 */
export function assetsDir(resourcesPath?: string | null): string {
  if (resourcesPath) return path.join(resourcesPath, 'assets');
  // Source (electron/core/) and bundles (build/node/) both sit two folders below the repository.
  return path.resolve(__dirname, '..', '..', 'assets');
}

export function openResources(dir = assetsDir()): Resources {
  const file = (name: AssetName) => path.join(dir, ASSET_FILES[name]);
  const missing = Object.values(ASSET_FILES).filter((relative) => !existsSync(path.join(dir, relative)));
  return {
    dir,
    missing,
    file,
    fonts: () => {
      const fonts = { regular: file('fontRegular'), bold: file('fontBold') };
      const absent = Object.values(fonts).filter((font) => !existsSync(font));
      if (absent.length > 0) throw new ArmError('RESOURCES_MISSING', `Fonts missing: ${absent.join(', ')}`);
      return fonts;
    },
  };
}
