/**
 * `protocol` of the Electron shim and the routing of `session.defaultSession` (default-session.ts),
 * on one Chromium context. Every request the page makes is routed here: a main-frame navigation
 * the app did not start itself goes through `will-navigate`; an app-scheme request goes to the
 * `protocol.handle` handler with its plexus:// URL and a real Fetch `Request`; its response
 * headers go through `webRequest.onHeadersReceived` before Chromium sees them; anything else is
 * refused (no network).
 */
import type { Page, Request as PwRequest, Route } from 'playwright-core';
import { applyHeadersListener } from './default-session';
import { electronEvent, fromChromiumUrl, isProbePage, markProbePage, records, requireContext, state, toChromiumUrl } from './runtime';
import { contentsForPage, trackCreation } from './web-contents';

export { permissionHandlers, session } from './default-session';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const handlers = new Map<string, ProtocolHandler>();
const notHandled: ProtocolHandler = () => new Response(null, { status: 404 });

export async function probe(url: string): Promise<{ status: number | null; contentType: string | null }> {
  const page = await trackCreation(
    requireContext()
      .newPage()
      .then((created) => {
        markProbePage(created);
        return created;
      }),
  );
  const from = records.responses.length;
  try {
    // An error status with no body fails the navigation; the response record still tells.
    await page.goto(toChromiumUrl(url)).catch(() => undefined);
  } finally {
    await page.close();
  }
  const response = records.responses.slice(from).find((r) => r.url === url);
  return { status: response?.status ?? null, contentType: response?.headers['content-type'] ?? null };
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges = {} } of schemes) {
      records.privilegedSchemes.push({ scheme, privileges });
      if (privileges.standard) state.standardSchemes.add(scheme);
    }
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!state.ready) throw new Error('protocol.handle must be called after app is ready');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
  },
  isProtocolHandled: (scheme: string) => handlers.has(scheme),
};

async function fulfillFromProtocol(route: Route, request: PwRequest, appUrl: string, handler: ProtocolHandler): Promise<void> {
  const method = request.method();
  const posted = method === 'GET' || method === 'HEAD' ? null : request.postDataBuffer();
  const body = posted ? new Uint8Array(posted) : undefined;
  const response = await handler(new Request(appUrl, { method, headers: request.headers(), body }));
  const headers: Record<string, string[]> = {};
  response.headers.forEach((value, name) => {
    (headers[name] ??= []).push(value);
  });
  const changed = await applyHeadersListener({
    url: appUrl,
    method,
    statusCode: response.status,
    resourceType: request.resourceType(),
    responseHeaders: headers,
  });
  if (changed.cancel) {
    await route.abort('blockedbyclient');
    return;
  }
  const finalHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(changed.responseHeaders ?? headers)) {
    // Several policies in one header, comma-separated, are all enforced: as with two headers.
    finalHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  records.responses.push({ url: appUrl, status: response.status, headers: finalHeaders });
  await route.fulfill({ status: response.status, headers: mapPolicySources(finalHeaders), body: Buffer.from(await response.arrayBuffer()) });
}

/**
 * The one place the shim edits what the app sent: a policy source naming an app-scheme origin
 * (`img-src plexus://vault`) is rewritten to the https origin Chromium sees for it, the same
 * mapping the shim applies to every URL. The recorded headers keep the app's original policy.
 */
function mapPolicySources(headers: Record<string, string>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    mapped[name] =
      name.toLowerCase() === 'content-security-policy'
        ? value.replace(/\b([a-z][a-z0-9+.-]*):\/\/([^\s;,/]+)/gi, (source) => toChromiumUrl(`${source}/`).replace(/\/$/, ''))
        : value;
  }
  return mapped;
}

async function onRequest(route: Route, request: PwRequest): Promise<void> {
  const appUrl = fromChromiumUrl(request.url());
  let page: Page;
  try {
    page = request.frame().page();
  } catch {
    // No frame yet: a popup's first navigation (already refused on its opener, Page.windowOpen),
    // or a service worker (Plexus registers none). Neither gets anything.
    records.console.push({ type: 'shim-frameless-request', text: appUrl });
    await route.abort('blockedbyclient');
    return;
  }
  if (isProbePage(page)) {
    await fulfillFromProtocol(route, request, appUrl, handlers.get(new URL(appUrl).protocol.slice(0, -1)) ?? notHandled);
    return;
  }
  const contents = contentsForPage(page);
  if (!contents) {
    // A popup (window.open, target=_blank): already refused on its opener; it gets nothing.
    records.console.push({ type: 'shim-popup-request', text: appUrl });
    await route.abort('blockedbyclient');
    return;
  }
  if (request.isNavigationRequest() && request.frame() === page.mainFrame() && !contents.takeExpectedNavigation(request.url())) {
    const event = electronEvent({ url: appUrl, isMainFrame: true });
    contents.emit('will-navigate', event, appUrl, false, true);
    if (event.defaultPrevented) {
      records.refusedNavigations.push(appUrl);
      await route.abort('aborted');
      return;
    }
  }
  const scheme = new URL(appUrl).protocol.slice(0, -1);
  const handler = handlers.get(scheme);
  if (handler) {
    await fulfillFromProtocol(route, request, appUrl, handler);
    return;
  }
  records.offlineRequests.push(appUrl);
  await route.abort('internetdisconnected');
}

export async function installRouting(): Promise<void> {
  await requireContext().route('**/*', (route, request) =>
    onRequest(route, request).catch(async (error: unknown) => {
      console.error(`electron shim: request ${request.url()} failed`, error);
      await route.abort('failed').catch(() => undefined); // the page may be gone already
    }),
  );
}
