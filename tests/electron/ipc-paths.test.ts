jest.mock('electron', () => require('./electron-mock').createElectronMock());

/** The IPC face hands paths to the real handlers, which refuse a bad one with a clear result. */
import * as electron from 'electron';
import { registerIpc } from '../../main/electron/ipc';
import { createApiHandlers } from '../../main/service/api-handlers';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from '../service/temp-vault';
import { asMock, MockWebContents } from './electron-mock';

const mock = asMock(electron);

let root: string;
let dataDir: string;
let service: VaultService;
let invoke: (name: string, ...args: unknown[]) => Promise<unknown>;

beforeAll(async () => {
  root = makeVault({ 'A.md': 'a' });
  dataDir = makeTempDir();
  service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
  const handlers = createApiHandlers(service, { kind: 'electron', readOnly: true, openExternal: () => undefined, dataDir });
  const contents = new MockWebContents();
  registerIpc({ getHandlers: () => handlers, getMainContents: () => contents as never, log: jest.fn() });
  const fromWindow = { sender: contents, senderFrame: contents.mainFrame };
  invoke = async (name, ...args) => mock.ipcHandlers.get(`plexus:${name}`)!(fromWindow, ...args);
});
afterAll(async () => {
  mock.ipcHandlers.clear();
  await service.close();
  [root, dataDir].forEach(removeDir);
});

test.each([
  ['../x.md', 'outside-vault', "has a '..' segment"],
  ['c:/A.md', 'outside-vault', 'is absolute'],
  ['A.md/', 'invalid-input', "empty or '.' segment"],
  ['.\\A.md', 'invalid-input', "uses '\\'"],
])('readNote(%j) over IPC is refused as %s', async (bad, code, why) => {
  expect(await invoke('readNote', bad)).toEqual({ ok: false, error: { code, message: expect.stringContaining(why) } });
});

test('a checked path reads', async () => {
  expect(await invoke('readNote', 'A.md')).toMatchObject({ ok: true, value: { path: 'A.md', content: 'a' } });
});
