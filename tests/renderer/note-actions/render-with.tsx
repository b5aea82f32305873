/** Mounts the app over a MemoryApi whose write methods a test can replace (the fake's own are minimal). */
import { render, screen, within } from '@testing-library/react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { App } from '../../../renderer/src/app';
import { MemoryApi, type MemoryVaultFiles } from '../support/memory-api';

// jsdom has no layout; CodeMirror's measuring asks ranges for rectangles.
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = () => new DOMRect();

export function renderWith(options: MemoryVaultFiles, hash: string, overrides: (fake: MemoryApi) => Partial<PlexusApi> = () => ({})) {
  window.localStorage.clear();
  window.location.hash = hash;
  const fake = new MemoryApi(options);
  const api: PlexusApi = { ...fake.api(), ...overrides(fake) };
  const utils = render(<App api={api} />);
  const note = () => screen.getByRole('main', { name: 'Note' });
  const calls = (method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.args);
  return { fake, api, ...utils, note, inNote: () => within(note()), calls };
}

/** The fake records calls for its own methods only; overrides record through this. */
export function recorded<A extends unknown[], R>(fake: MemoryApi, method: string, fn: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args: A) => {
    fake.calls.push({ method, args });
    return Promise.resolve().then(() => fn(...args));
  };
}

export const vault: MemoryVaultFiles = {
  notes: {
    'Welcome.md': '# Welcome\n\nSee [[Ideas]].\n',
    'Ideas.md': '# Ideas\n\nBack to [[Welcome]] and again [[Welcome]].\n',
    'Projects/Plexus.md': '# Plexus\n\nLinks [[Welcome]].\n',
    'Projects/Old.md': '# Old\n\nNothing links here.\n',
  },
};
