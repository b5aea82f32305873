/**
 * `session.defaultSession` of the Electron shim: the permission handlers and the response-headers
 * listener the app installs. The routing that applies them is in session.ts; this half is apart
 * so that web-contents.ts (a web contents has a `session`) and session.ts (routing finds a page's web
 * contents) do not import each other.
 */
type HeadersListener = (
  details: Record<string, unknown>,
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void,
) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

let headersListener: HeadersListener | null = null;
export const permissionHandlers = { request: null as PermissionRequestHandler | null, check: null as PermissionCheckHandler | null };

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      permissionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
      permissionHandlers.check = handler;
    },
    webRequest: {
      onHeadersReceived(...args: [HeadersListener | null] | [unknown, HeadersListener | null]) {
        headersListener = (args.length === 2 ? args[1] : args[0]) as HeadersListener | null;
      },
    },
  },
};

export function applyHeadersListener(details: Record<string, unknown>): Promise<{ cancel?: boolean; responseHeaders?: Record<string, string | string[]> }> {
  const listener = headersListener;
  if (!listener) return Promise.resolve({});
  return new Promise((resolve) => listener(details, resolve));
}
