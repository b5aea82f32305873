/**
 * Runtime facts about contract methods that hosts need but the type-only contract cannot give:
 * which methods write to the vault (refused by a read-only host before they reach the service)
 * and which return a `Result` (so a host may turn an unexpected throw into an io-error result).
 * Both tables are checked against ApiMethods by the compiler, so a new method cannot be missed.
 */
import { API_METHOD_NAMES } from '../contract/api-contract';
import type { ApiMethodName, ApiMethods, Result } from '../contract/api-contract';

type ReturnsResult = {
  [K in ApiMethodName]: ApiMethods[K]['result'] extends Result<unknown> ? true : false;
};

/** Exactly mirrors the contract: the compiler rejects a wrong entry in either direction. */
const returnsResult = {
  getVaultInfo: false,
  listFiles: false,
  readNote: true,
  getNoteMeta: true,
  getBacklinks: true,
  getOutgoingLinks: true,
  getUnlinkedMentions: true,
  resolveLink: false,
  getSwitcherItems: false,
  search: true,
  getTags: false,
  getGraph: false,
  getGraphLayout: false,
  saveGraphLayout: true,
  getGraphSettings: false,
  saveGraphSettings: true,
  readAttachment: true,
  openAttachment: true,
  writeNote: true,
  createNote: true,
  planRename: true,
  renameNote: true,
  undoRename: true,
  updateLinksAfterExternalRename: true,
  deleteNote: true,
  openExternal: true,
  listVersions: true,
  readVersion: true,
  restoreVersion: true,
  listDeletedNotes: true,
  getRecoverySettings: true,
  saveRecoverySettings: true,
} as const satisfies ReturnsResult;

/** Methods that change files in the vault (or its .plexus settings). All of them return a Result. */
const writes = {
  getVaultInfo: false,
  listFiles: false,
  readNote: false,
  getNoteMeta: false,
  getBacklinks: false,
  getOutgoingLinks: false,
  getUnlinkedMentions: false,
  resolveLink: false,
  getSwitcherItems: false,
  search: false,
  getTags: false,
  getGraph: false,
  getGraphLayout: false,
  saveGraphLayout: true,
  getGraphSettings: false,
  saveGraphSettings: true,
  readAttachment: false,
  // Hands a file to the OS viewer; changes nothing, so a read-only host allows it.
  openAttachment: false,
  writeNote: true,
  createNote: true,
  planRename: false,
  renameNote: true,
  undoRename: true,
  updateLinksAfterExternalRename: true,
  deleteNote: true,
  openExternal: false,
  listVersions: false,
  readVersion: false,
  restoreVersion: true,
  listDeletedNotes: false,
  getRecoverySettings: false,
  // Stored in the app's data folder like the graph settings, and refused read-only like them.
  saveRecoverySettings: true,
} as const satisfies Record<ApiMethodName, boolean>;

export const RESULT_METHODS: ReadonlySet<ApiMethodName> = new Set(
  (Object.keys(returnsResult) as ApiMethodName[]).filter((name) => returnsResult[name]),
);

export const WRITE_METHODS: ReadonlySet<ApiMethodName> = new Set(
  (Object.keys(writes) as ApiMethodName[]).filter((name) => writes[name]),
);

const KNOWN: ReadonlySet<string> = new Set(API_METHOD_NAMES);

/** True for a contract method name; safe against prototype keys like 'constructor'. */
export function isApiMethodName(name: string): name is ApiMethodName {
  return KNOWN.has(name);
}
