/**
 * What the window shows after its renderer died (render-process-gone): a static page with no
 * script, served by the plexus://app handler at CRASH_PAGE_PATH, saying what happened and whether
 * unsaved text is kept, with one "Reload" link. The link's navigation is refused like every other
 * (window.ts) and recognised by crash-recovery.ts, which reloads the app; so the page needs no
 * IPC and no privilege.
 */
import { CRASH_PAGE_URL } from './app-urls';

/** Electron's render-process-gone reasons, in words; anything else is shown as "stopped". */
const REASONS: Record<string, string> = {
  crashed: 'crashed',
  oom: 'ran out of memory',
  killed: 'was ended by the system',
  'abnormal-exit': 'stopped unexpectedly',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed a code integrity check',
};

export const CRASH_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function crashPageUrl(keptTexts: number, reason: string): string {
  return `${CRASH_PAGE_URL}?kept=${keptTexts}&reason=${encodeURIComponent(reason)}`;
}

export function crashPageHtml(search: URLSearchParams): string {
  const kept = Math.max(0, Math.min(1_000_000, Number.parseInt(search.get('kept') ?? '0', 10) || 0));
  const what = REASONS[search.get('reason') ?? ''] ?? 'stopped';
  const texts =
    kept === 0
      ? 'No unsaved text was lost: everything you typed had been saved.'
      : `Your unsaved text in ${kept === 1 ? 'one note is' : `${kept} notes is`} kept. After Reload, open the note and choose Edit: Plexus offers the text back with Restore.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plexus — the window stopped</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #1e1e1e; color: #dcddde; font: 15px/1.5 system-ui, sans-serif; }
  main { max-width: 34rem; padding: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  a.reload { display: inline-block; margin-top: 1rem; padding: 0.5rem 1.4rem; border-radius: 6px; background: #7f6df2; color: #fff; text-decoration: none; font-weight: 600; }
  a.reload:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>The Plexus window ${what}</h1>
<p>${texts}</p>
<p>The vault itself is not affected.</p>
<a class="reload" href="reload" autofocus>Reload</a>
</main>
</body>
</html>
`;
}
