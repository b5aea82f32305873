/**
 * The one runtime table of the contract: every method with the two facts hosts need and the
 * type-only map cannot give. `result`: the method returns a `Result`, so a host turns an
 * unexpected throw into an io-error result (and "no vault" into a no-vault result) instead of
 * a transport error. `writes`: the method changes files in the vault (or its .plexus settings),
 * so a read-only host refuses it before it reaches the service; every such method returns a
 * Result. The compiler rejects a missing or extra method and a wrong `result` entry.
 */
import type { ApiMethodName, ApiMethods, Result } from './api-contract';

export interface MethodKind {
  result: boolean;
  writes: boolean;
}

type CheckedKinds = {
  [K in ApiMethodName]: { result: ApiMethods[K]['result'] extends Result<unknown> ? true : false; writes: boolean };
};

export const API_METHODS = {
  getVaultInfo: { result: false, writes: false },
  listFiles: { result: false, writes: false },
  readNote: { result: true, writes: false },
  getNoteMeta: { result: true, writes: false },
  getBacklinks: { result: true, writes: false },
  getOutgoingLinks: { result: true, writes: false },
  getUnlinkedMentions: { result: true, writes: false },
  resolveLink: { result: false, writes: false },
  resolveLinks: { result: true, writes: false },
  getSwitcherItems: { result: false, writes: false },
  search: { result: true, writes: false },
  getTags: { result: false, writes: false },
  getGraph: { result: false, writes: false },
  getCreationTimes: { result: false, writes: false },
  getGraphLayout: { result: false, writes: false },
  saveGraphLayout: { result: true, writes: true },
  getGraphSettings: { result: false, writes: false },
  saveGraphSettings: { result: true, writes: true },
  readAttachment: { result: true, writes: false },
  // Hands a file to the OS viewer; changes nothing, so a read-only host allows it.
  openAttachment: { result: true, writes: false },
  writeNote: { result: true, writes: true },
  createNote: { result: true, writes: true },
  writeAttachment: { result: true, writes: true },
  planRename: { result: true, writes: false },
  renameNote: { result: true, writes: true },
  undoRename: { result: true, writes: true },
  updateLinksAfterExternalRename: { result: true, writes: true },
  deleteNote: { result: true, writes: true },
  openExternal: { result: true, writes: false },
  listVersions: { result: true, writes: false },
  readVersion: { result: true, writes: false },
  restoreVersion: { result: true, writes: true },
  listDeletedNotes: { result: true, writes: false },
  getRecoverySettings: { result: true, writes: false },
  // Stored in the app's data folder like the graph settings, and refused read-only like them.
  saveRecoverySettings: { result: true, writes: true },
} as const satisfies CheckedKinds & Record<ApiMethodName, MethodKind>;

/** Every method name, for hosts and clients that enumerate the contract. */
export const API_METHOD_NAMES = Object.keys(API_METHODS) as ApiMethodName[];

/** Methods that return a Result. */
export const RESULT_METHODS: ReadonlySet<ApiMethodName> = new Set(API_METHOD_NAMES.filter((name) => API_METHODS[name].result));

/** Methods a read-only host refuses. */
export const WRITE_METHODS: ReadonlySet<ApiMethodName> = new Set(API_METHOD_NAMES.filter((name) => API_METHODS[name].writes));

const KNOWN: ReadonlySet<string> = new Set(API_METHOD_NAMES);

/** True for a contract method name; safe against prototype keys like 'constructor'. */
export function isApiMethodName(name: string): name is ApiMethodName {
  return KNOWN.has(name);
}
