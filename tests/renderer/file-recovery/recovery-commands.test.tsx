/**
 * File recovery from the command palette ("Open file recovery" for the note in view, "Recover
 * deleted notes") and the dialog's Settings section: shown, edited, saved, and a bad value gets
 * a clear error while what was typed stays.
 */
import '../setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app';
import { renderApp, sampleVault } from '../render-app';
import { MemoryApi } from '../support/memory-api';

async function runCommand(name: string) {
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true }));
  });
  const palette = await screen.findByRole('dialog', { name: 'Command palette' });
  fireEvent.change(within(palette).getByRole('combobox', { name: 'Find a command' }), { target: { value: name } });
  const option = await within(palette).findByRole('option', { name: new RegExp(`^${name}`) });
  fireEvent.click(option);
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
}

test('"Open file recovery" opens the dialog for the note in view', async () => {
  const versions = { 'Ideas.md': [{ id: 'a1-00000000', time: Date.UTC(2026, 0, 2, 3, 4), reason: 'external-change' as const, content: 'older' }] };
  const { fake, inNote } = renderApp({ ...sampleVault, versions }, '#/note/Ideas.md');
  await inNote().findByRole('heading', { name: 'Ideas', level: 1 });
  await runCommand('Open file recovery');
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  expect(within(dialog).getByText('Ideas.md')).toBeInTheDocument();
  await within(dialog).findByRole('list', { name: 'Versions, newest first' });
  expect(fake.calls.some((c) => c.method === 'listVersions' && c.args[0] === 'Ideas.md')).toBe(true);
});

test('"Recover deleted notes" opens the deleted notes list', async () => {
  const { fake, inNote } = renderApp(sampleVault, '#/note/Ideas.md');
  await inNote().findByRole('heading', { name: 'Ideas', level: 1 });
  await runCommand('Recover deleted notes');
  await screen.findByRole('dialog', { name: 'Deleted notes' });
  expect(fake.calls.some((c) => c.method === 'listDeletedNotes')).toBe(true);
});

test("the Settings section shows the vault's settings, saves edits, and explains a refused value", async () => {
  const { fake, api, inNote } = renderApp(sampleVault, '#/note/Ideas.md');
  await inNote().findByRole('heading', { name: 'Ideas', level: 1 });
  const stored = async () => {
    const read = await api.getRecoverySettings();
    return read.ok ? read.value.settings : null;
  };
  await runCommand('Open file recovery');
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  fireEvent.click(within(dialog).getByText('Settings'));
  const form = await within(dialog).findByRole('form', { name: 'File recovery settings' });
  const days = within(form).getByRole('textbox', { name: /Keep versions for \(days\)/ });
  expect(days).toHaveValue('7');
  expect(within(form).getByRole('textbox', { name: /Size cap/ })).toHaveValue('500');

  fireEvent.change(days, { target: { value: '30' } });
  fireEvent.change(within(form).getByRole('textbox', { name: /Save interval/ }), { target: { value: '1' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
  await within(dialog).findByText(/Settings saved/);
  expect(await stored()).toEqual({ keepDays: 30, keepLast: 10, maxSizeMb: 500, intervalMinutes: 1 });

  // Not a number: caught before anything is sent.
  const saves = () => fake.calls.filter((c) => c.method === 'saveRecoverySettings').length;
  const before = saves();
  fireEvent.change(within(form).getByRole('textbox', { name: /Always keep the newest/ }), { target: { value: 'ten' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('Always keep the newest (versions per note): must be a number.');
  expect(saves()).toBe(before);

  // Refused by the service: its message is shown and the typed value stays.
  fireEvent.change(within(form).getByRole('textbox', { name: /Always keep the newest/ }), { target: { value: '0' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
  await waitFor(() =>
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Not saved: Always keep the newest (versions per note) must be between 1 and 1000.'),
  );
  expect(within(form).getByRole('textbox', { name: /Always keep the newest/ })).toHaveValue('0');
  expect((await stored())?.keepLast).toBe(10);
});

test('a saved settings file that could not be used is said so, with the defaults shown', async () => {
  // A damaged settings file, as the service reports it (service tests cover reading one from disk).
  window.localStorage.clear();
  window.location.hash = '#/note/Ideas.md';
  const api = new MemoryApi(sampleVault).api();
  const read = api.getRecoverySettings.bind(api);
  api.getRecoverySettings = async () => {
    const result = await read();
    return result.ok ? { ok: true, value: { ...result.value, problem: 'the saved settings are not valid (Size cap (MB) must be a number.)' } } : result;
  };
  render(<App api={api} />);
  await within(screen.getByRole('main', { name: 'Note' })).findByRole('heading', { name: 'Ideas', level: 1 });
  await runCommand('Open file recovery');
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  fireEvent.click(within(dialog).getByText('Settings'));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'The saved settings are not valid (Size cap (MB) must be a number.); the defaults below apply until saved.',
  );
  expect(within(dialog).getByRole('textbox', { name: /Size cap/ })).toHaveValue('500');
});
