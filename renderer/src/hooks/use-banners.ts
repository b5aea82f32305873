/** Error and notice banners; notices fade after a while, errors stay until dismissed. */
import { useCallback, useRef, useState } from 'react';
import type { BannerMessage } from '../components/status-bar';

const NOTICE_MS = 8000;

export function useBanners() {
  const [messages, setMessages] = useState<BannerMessage[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setMessages((m) => m.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (kind: BannerMessage['kind'], text: string, action?: BannerMessage['action']) => {
      const id = nextId.current++;
      setMessages((m) => [...m.filter((x) => x.text !== text), { id, kind, text, action }]);
      // Notices with an action wait for the user; plain notices fade.
      if (kind === 'notice' && !action) setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const reportError = useCallback((text: string) => push('error', text), [push]);
  return { messages, push, dismiss, reportError };
}
