/** Bottom bar: indexing progress while the vault is being indexed, then a quiet summary; the Settings button. */
import type { IndexStatus, VaultInfo } from '../../../main/contract/api-contract';
import { formatIndexProgress } from '../../../main/core/progress/format-progress';

const fmt = (n: number) => n.toLocaleString('en-US');

export function StatusBar({ status, vault, onSettings }: { status: IndexStatus | null; vault: VaultInfo | null; onSettings(): void }) {
  return (
    <footer className="status-bar">
      <span className="vault-name">
        {vault ? vault.name : 'Connecting…'}
        {vault?.readOnly && <span className="badge">read-only</span>}
      </span>
      <span className="status-right">
        <StatusText status={status} />
        <button type="button" className="icon-button settings-button" onClick={onSettings} aria-label="Settings" title="Settings (Ctrl/Cmd+,)">
          ⚙
        </button>
      </span>
    </footer>
  );
}

function StatusText({ status }: { status: IndexStatus | null }) {
  if (!status) return null;
  if (status.state === 'indexing') {
    return (
      <span className="indexing" role="status">
        <span>{formatIndexProgress(status.done, status.total, status.etaMs)}</span>
        <progress max={Math.max(1, status.total)} value={status.done} aria-label="Indexing progress" />
      </span>
    );
  }
  if (status.state === 'error')
    return (
      <span className="error-text" role="status">
        Index error: {status.message}
      </span>
    );
  return (
    <span role="status" className="muted">
      {fmt(status.notes)} notes · {fmt(status.links)} links
    </span>
  );
}

export interface BannerMessage {
  id: number;
  kind: 'error' | 'notice';
  text: string;
  /** An optional one-click follow-up, e.g. "Update links" after an outside rename. */
  action?: { label: string; run(): void };
}

export function Banners({ messages, onDismiss }: { messages: BannerMessage[]; onDismiss(id: number): void }) {
  if (messages.length === 0) return null;
  return (
    <div className="banners">
      {messages.map((m) => (
        <div key={m.id} className={`banner banner-${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
          <span>{m.text}</span>
          {m.action && (
            <button
              type="button"
              className="banner-action"
              onClick={() => {
                onDismiss(m.id);
                m.action!.run();
              }}
            >
              {m.action.label}
            </button>
          )}
          <button type="button" className="icon-button" onClick={() => onDismiss(m.id)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
