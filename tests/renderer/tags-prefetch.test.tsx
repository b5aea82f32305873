/**
 * The app asks for the tag counts as it mounts, ahead of the file list and without waiting for the
 * vault's info: on a big vault both answers queue behind the list's serialisation and parsing.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../../renderer/src/app';
import { sampleVault } from './render-app';
import { MemoryApi } from './support/memory-api';

test('getTags goes out before listFiles, while the vault info is still on its way', async () => {
  window.localStorage.clear();
  window.location.hash = '';
  const fake = new MemoryApi(sampleVault);
  fake.holdAnswers('getVaultInfo');
  fake.holdAnswers('listFiles');
  render(<App api={fake.api()} />);
  const first = (method: string) => fake.calls.findIndex((c) => c.method === method);
  await waitFor(() => expect(first('listFiles')).toBeGreaterThanOrEqual(0));
  expect(first('getTags')).toBeGreaterThanOrEqual(0);
  expect(first('getTags')).toBeLessThan(first('listFiles'));
  fake.stopHolding();
  await screen.findByRole('main', { name: 'Note' });
});
