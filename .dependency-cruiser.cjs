/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (scripts/lint/run-lint.cjs)
 * and held to firing by tests/scripts/dependency-rules.test.ts. Type-only imports count
 * (tsPreCompilationDeps): a layer that needs another's types depends on it all the same.
 *
 *   main/core      pure: no other layer, no Node built-in, no I/O package
 *   main/contract  core's types only
 *   main/service   core and contract; never a face or the renderer
 *   faces          main/electron, main/server, main/cli: service, contract, core, main/app-shell;
 *                  never each other (one exception: `plexus serve` starts the browser server)
 *   renderer       main/contract and main/core only
 *   tests, bench   anything
 * and no cycles anywhere.
 */
const FACES = ['electron', 'server', 'cli'];
/** Packages that do I/O or need a host: never in core, which the renderer bundles too. */
const IO_PACKAGES = '(^|/)node_modules/(@types/)?(electron|chokidar|react|react-dom|ws|write-file-atomic|graceful-fs|fs-extra|playwright-core)/';

const faceRules = FACES.map((face) => ({
  name: `face-${face}-not-other-faces`,
  comment: `main/${face} is a face: faces never import each other; what two faces share belongs in main/app-shell, the service or the contract.`,
  severity: 'error',
  from: { path: `^main/${face}/` },
  to: {
    path: `^main/(${FACES.filter((f) => f !== face).join('|')})/`,
    // `plexus serve` is the browser-mode face's launcher: the one import from the CLI into the
    // server is its entry point, from the serve command.
    ...(face === 'cli' ? { pathNot: '^main/server/browser-server\\.ts$' } : {}),
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles hide layering and break module initialisation order; split the shared part out.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import the resolver cannot follow is invisible to every other rule here.',
      severity: 'error',
      from: { path: '^(main|renderer|tests|bench|scripts)/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'core-only-core',
      comment: 'main/core is pure: it decides what a vault means and imports no other layer of the app.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: '^(main/(?!core/)|renderer/)' },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'main/core does no I/O and runs in the renderer too: no Node built-in (fs, path, worker_threads, ...).',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-io-packages',
      comment: 'main/core does no I/O: no electron, chokidar, ws, React or file-writing packages.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'contract-only-core',
      comment: 'main/contract is the renderer <-> service contract: it may import only main/core (types).',
      severity: 'error',
      from: { path: '^main/contract/' },
      to: { pathNot: '^main/(contract|core)/' },
    },
    {
      name: 'contract-core-types-only',
      comment: 'main/contract takes only types from main/core (`import type`), so the contract carries no code of its own from core.',
      severity: 'error',
      from: { path: '^main/contract/' },
      to: { path: '^main/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'service-not-faces',
      comment: 'main/service is what the faces share; it never imports a face or the renderer.',
      severity: 'error',
      from: { path: '^main/service/' },
      to: { path: '^(main/(electron|server|cli)|renderer)/' },
    },
    {
      name: 'app-shell-neutral',
      comment: 'main/app-shell is what faces share about serving the renderer; it imports no face, no service and no renderer.',
      severity: 'error',
      from: { path: '^main/app-shell/' },
      to: { path: '^(main/(electron|server|cli|service)|renderer)/' },
    },
    ...faceRules,
    {
      name: 'main-not-renderer',
      comment: 'The main process reaches the renderer through the contract, never by importing it.',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'renderer-only-contract-and-core',
      comment: 'The renderer imports main/contract and pure main/core only: never the service or a face.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/', pathNot: '^main/(contract|core)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a browser page: no Node built-in (its build config, renderer/vite.config.ts, runs in Node).',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-host-packages',
      comment: 'The renderer runs in a browser page: no electron, chokidar, ws or file-writing packages.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { path: '(^|/)node_modules/(@types/)?(electron|chokidar|ws|write-file-atomic|graceful-fs|fs-extra|playwright-core)/' },
    },
    {
      name: 'app-not-tests-or-bench',
      comment: 'Shipped code never imports tests or benchmarks.',
      severity: 'error',
      from: { path: '^(main|renderer)/' },
      to: { path: '^(tests|bench)/' },
    },
  ],
  options: {
    // The folders named on the command line, without fixture vaults or build output. (No
    // includeOnly: it would drop Node built-ins and packages, which some rules are about.)
    exclude: { path: '^(tests/fixtures|tests/artifacts|bench/vaults|dist|vault)/' },
    doNotFollow: { path: '(^|/)node_modules/' },
    // node_modules may be a symlink (a second worktree): keep package paths inside this tree.
    preserveSymlinks: true,
    moduleSystems: ['es6', 'cjs', 'tsd'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
