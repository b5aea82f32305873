import { buildApp, removeApp, startApp, type BuiltApp, type RunningApp } from './support/electron-app';

jest.setTimeout(240_000);
let built: BuiltApp | undefined;
let app: RunningApp;

beforeAll(async () => {
  built = await buildApp();
  app = await startApp(built);
});

afterAll(async () => {
  await app?.stop();
  removeApp(built);
});

test('boots', async () => {
  await app.page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
  console.log(JSON.stringify(await app.records(), null, 1).slice(0, 3000));
});
