/**
 * The layer rules (.dependency-cruiser.cjs) against a tiny tree with one import breaking each
 * rule, and imports every rule allows: each forbidden import must be reported, by the rule meant
 * for it, and nothing else. So a rule that stops matching (a renamed folder, a resolver change,
 * TypeScript no longer parsed) fails here instead of passing lint silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

const FILES: Record<string, string> = {
  'main/core/types.ts': "export type Note = { path: string };\nexport const NOTE_KIND = 'note';\n",
  'main/core/pure.ts': "import type { Note } from './types';\nexport const title = (note: Note) => note.path;\n",
  'main/core/reads-disk.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'main/core/uses-electron.ts': "import { app } from 'electron';\nexport const quit = () => app.quit();\n",
  'main/core/uses-service.ts': "import { open } from '../service/store';\nexport const opened = open;\n",
  'main/contract/api.ts': "import type { Note } from '../core/types';\nexport type Api = { read(): Note };\n",
  'main/contract/values.ts': "import { NOTE_KIND } from '../core/types';\nexport const KINDS = [NOTE_KIND];\n",
  'main/contract/uses-service.ts': "import type { Store } from '../service/store';\nexport type Host = { store: Store };\n",
  'main/service/store.ts':
    "import { readFileSync } from 'node:fs';\nimport type { Note } from '../core/types';\nexport type Store = { note: Note };\nexport const open = (): Note => ({ path: String(readFileSync) });\n",
  'main/service/uses-face.ts': "import { serve } from '../server/serve';\nexport const s = serve;\n",
  'main/service/uses-tests.ts': "import { helper } from '../../tests/helper';\nexport const h = helper;\n",
  'main/service/missing.ts': "import { gone } from './not-there';\nexport const g = gone;\n",
  // A cycle of type-only imports: seen only when TypeScript itself parses the files.
  'main/service/cycle-a.ts': "import type { B } from './cycle-b';\nexport type A = { b?: B };\n",
  'main/service/cycle-b.ts': "import type { A } from './cycle-a';\nexport type B = { a?: A };\n",
  'main/server/browser-server.ts': 'export const startBrowserServer = () => 1;\n',
  'main/server/serve.ts': 'export const serve = () => 1;\n',
  'main/server/uses-cli.ts': "import { other } from '../cli/other';\nexport const o = other;\n",
  'main/electron/main.ts': "import { serve } from '../server/serve';\nimport { csp } from '../app-shell/shell';\nexport const m = [serve, csp];\n",
  'main/electron/uses-renderer.ts': "import { view } from '../../renderer/src/view';\nexport const v = view;\n",
  'main/cli/serve-command.ts': "import { startBrowserServer } from '../server/browser-server';\nexport const run = startBrowserServer;\n",
  'main/cli/other.ts': "import { serve } from '../server/serve';\nexport const other = serve;\n",
  'main/app-shell/shell.ts': "import path from 'node:path';\nexport const csp = path.sep;\n",
  'main/app-shell/uses-service.ts': "import { open } from '../service/store';\nexport const o = open;\n",
  'renderer/src/view.ts':
    "import type { Api } from '../../main/contract/api';\nimport { title } from '../../main/core/pure';\nexport const view = (api: Api) => title(api.read());\n",
  'renderer/src/uses-service.ts': "import { open } from '../../main/service/store';\nexport const o = open;\n",
  'renderer/src/uses-fs.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  'renderer/src/uses-chokidar.ts': "import { watch } from 'chokidar';\nexport const w = watch;\n",
  // Tests may import anything.
  'tests/helper.ts':
    "import { open } from '../main/service/store';\nimport { serve } from '../main/server/serve';\nimport { readFileSync } from 'node:fs';\nexport const helper = [open, serve, readFileSync];\n",
};

const EXPECTED = [
  'app-not-tests-or-bench: main/service/uses-tests.ts -> tests/helper.ts',
  'app-shell-neutral: main/app-shell/uses-service.ts -> main/service/store.ts',
  'contract-core-types-only: main/contract/values.ts -> main/core/types.ts',
  'contract-only-core: main/contract/uses-service.ts -> main/service/store.ts',
  'core-no-io-packages: main/core/uses-electron.ts -> node_modules/electron/index.js',
  'core-no-node-builtins: main/core/reads-disk.ts -> fs',
  'core-only-core: main/core/uses-service.ts -> main/service/store.ts',
  'face-cli-not-other-faces: main/cli/other.ts -> main/server/serve.ts',
  'face-electron-not-other-faces: main/electron/main.ts -> main/server/serve.ts',
  'face-server-not-other-faces: main/server/uses-cli.ts -> main/cli/other.ts',
  'main-not-renderer: main/electron/uses-renderer.ts -> renderer/src/view.ts',
  // A cycle is reported once, at the first of its modules.
  'no-circular: main/service/cycle-a.ts -> main/service/cycle-b.ts',
  'not-to-unresolvable: main/service/missing.ts -> ./not-there',
  'renderer-no-host-packages: renderer/src/uses-chokidar.ts -> node_modules/chokidar/index.js',
  'renderer-no-node: renderer/src/uses-fs.ts -> fs',
  'renderer-only-contract-and-core: renderer/src/uses-service.ts -> main/service/store.ts',
  'service-not-faces: main/service/uses-face.ts -> main/server/serve.ts',
];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let tree: string;

beforeAll(() => {
  tree = mkdtempSync(path.join(tmpdir(), 'plexus-layer-rules-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.join(tree, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(tree, file), text);
  }
  writeFileSync(path.join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', strict: true } }));
  // The packages the rules name (electron, chokidar) must resolve as they do in the checkout.
  symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
});

afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** dependency-cruiser with the checkout's rules over the tree, as `npm run lint` runs it (there with the default `err` output). */
function cruise(outputType: 'json' | 'err') {
  return spawnSync(
    process.execPath,
    [
      '-r',
      path.join(root, 'scripts', 'lint', 'typescript-5-for-lint.cjs'),
      path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      '--config',
      path.join(root, '.dependency-cruiser.cjs'),
      '--output-type',
      outputType,
      'main',
      'renderer',
      'tests',
    ],
    { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

test('each forbidden import is reported by its rule, and no allowed import is', () => {
  const result = cruise('json');
  expect(result.stderr).toBe('');
  const { violations } = (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary;
  const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
  expect(found).toEqual(EXPECTED);
});

test('a violation fails the run the way lint runs it', () => {
  const result = cruise('err');
  expect(result.status).not.toBe(0);
  expect(result.stdout).toContain('error renderer-only-contract-and-core: renderer/src/uses-service.ts → main/service/store.ts');
});

test('the rules cover every rule the config defines', () => {
  // A rule added to the config without a case here would be untested.
  const config = require(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };
  const tested = new Set(EXPECTED.map((line) => line.slice(0, line.indexOf(':'))));
  expect(config.forbidden.map((rule) => rule.name).sort()).toEqual([...tested].sort());
});
