import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { forgetter } from './forget';

describe('forgetting the previous user', () => {
  it('puts every listed store back to its start state, actions included, and leaves the others', () => {
    const draft = create<{ applicant: string | null; pick(name: string): void }>((set) => ({ applicant: null, pick: (name) => set({ applicant: name }) }));
    const language = create<{ value: string }>(() => ({ value: 'ru' }));
    const { forget } = forgetter([draft]);
    draft.getState().pick('Сәрсенбаева Әйгерім');
    draft.setState({ extra: 1 } as never);
    language.setState({ value: 'kk' });
    forget();
    expect(draft.getState().applicant).toBeNull();
    expect('extra' in draft.getState()).toBe(false);
    draft.getState().pick('Оспанов');
    expect(draft.getState().applicant).toBe('Оспанов');
    expect(language.getState().value).toBe('kk');
  });
});
