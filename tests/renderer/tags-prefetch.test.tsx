/** The app reads the tag counts as the vault opens, without waiting for the file list (a big vault's is seconds of work). */
import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../../renderer/src/app';
import { sampleVault } from './render-app';
import { MemoryApi } from './support/memory-api';

test('getTags goes out while the file list is still on its way', async () => {
  window.localStorage.clear();
  window.location.hash = '';
  const fake = new MemoryApi(sampleVault);
  fake.holdAnswers('listFiles');
  render(<App api={fake.api()} />);
  await waitFor(() => expect(fake.calls.some((c) => c.method === 'getVaultInfo')).toBe(true));
  await waitFor(() => expect(fake.calls.some((c) => c.method === 'getTags')).toBe(true), { timeout: 5000 });
  // The file list had not been answered yet when the tags were asked for.
  expect(fake.heldAnswers).toBeGreaterThan(0);
  fake.stopHolding();
  await screen.findByRole('main', { name: 'Note' });
});
