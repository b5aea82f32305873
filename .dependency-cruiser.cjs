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

/** Every rule forbids: an import from `from` to `to` is an error, and `comment` says why. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

const faceRules = FACES.map((face) =>
  forbid(
    `face-${face}-not-other-faces`,
    `main/${face} is a face: faces never import each other; what two faces share belongs in main/app-shell, the service or the contract.`,
    { path: `^main/${face}/` },
    {
      path: `^main/(${FACES.filter((f) => f !== face).join('|')})/`,
      // `plexus serve` is the browser-mode face's launcher: the one import from the CLI into the
      // server is its entry point, from the serve command.
      ...(face === 'cli' ? { pathNot: '^main/server/browser-server\\.ts$' } : {}),
    },
  ),
);

module.exports = {
  forbidden: [
    forbid('no-circular', 'Import cycles hide layering and break module initialisation order; split the shared part out.', {}, { circular: true }),
    forbid(
      'not-to-unresolvable',
      'An import the resolver cannot follow is invisible to every other rule here.',
      { path: '^(main|renderer|tests|bench|scripts)/' },
      { couldNotResolve: true },
    ),
    forbid(
      'core-only-core',
      'main/core is pure: it decides what a vault means and imports no other layer of the app.',
      { path: '^main/core/' },
      { path: '^(main/(?!core/)|renderer/)' },
    ),
    forbid(
      'core-no-node-builtins',
      'main/core does no I/O and runs in the renderer too: no Node built-in (fs, path, worker_threads, ...).',
      { path: '^main/core/' },
      { dependencyTypes: ['core'] },
    ),
    forbid(
      'core-no-io-packages',
      'main/core does no I/O: no electron, chokidar, ws, React or file-writing packages.',
      { path: '^main/core/' },
      { path: IO_PACKAGES },
    ),
    forbid(
      'contract-only-core',
      'main/contract is the renderer <-> service contract: it may import only main/core (types).',
      { path: '^main/contract/' },
      { pathNot: '^main/(contract|core)/' },
    ),
    forbid(
      'contract-core-types-only',
      'main/contract takes only types from main/core (`import type`), so the contract carries no code of its own from core.',
      { path: '^main/contract/' },
      { path: '^main/core/', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'service-not-faces',
      'main/service is what the faces share; it never imports a face or the renderer.',
      { path: '^main/service/' },
      { path: '^(main/(electron|server|cli)|renderer)/' },
    ),
    forbid(
      'app-shell-neutral',
      'main/app-shell is what faces share about serving the renderer; it imports no face, no service and no renderer.',
      { path: '^main/app-shell/' },
      { path: '^(main/(electron|server|cli|service)|renderer)/' },
    ),
    ...faceRules,
    forbid(
      'main-not-renderer',
      'The main process reaches the renderer through the contract, never by importing it.',
      { path: '^main/' },
      { path: '^renderer/' },
    ),
    forbid(
      'renderer-only-contract-and-core',
      'The renderer imports main/contract and pure main/core only: never the service or a face.',
      { path: '^renderer/' },
      { path: '^main/', pathNot: '^main/(contract|core)/' },
    ),
    forbid(
      'renderer-no-node',
      'The renderer runs in a browser page: no Node built-in (its build config, renderer/vite.config.ts, runs in Node).',
      { path: '^renderer/src/' },
      { dependencyTypes: ['core'] },
    ),
    forbid(
      'renderer-no-host-packages',
      'The renderer runs in a browser page: no electron, chokidar, ws or file-writing packages.',
      { path: '^renderer/src/' },
      { path: '(^|/)node_modules/(@types/)?(electron|chokidar|ws|write-file-atomic|graceful-fs|fs-extra|playwright-core)/' },
    ),
    forbid('app-not-tests-or-bench', 'Shipped code never imports tests or benchmarks.', { path: '^(main|renderer)/' }, { path: '^(tests|bench)/' }),
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
