import { SigningDialog } from './SigningDialog';

/** "Ключ ЭЦП": the user opens a key file to see its certificate before a signature is needed. */
export function KeyScreen() {
  return (
    <main className="screen">
      <SigningDialog />
    </main>
  );
}
