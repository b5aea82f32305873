/**
 * A modal dialog shell: traps nothing fancy, but closes on Escape/backdrop and restores focus on
 * close — unless the dialog's action sends the user elsewhere (a note just created opens in the
 * editor, which takes the focus): then the button that opened the dialog must not get it back,
 * or the next space would open the dialog again.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Set `.current = false` before closing to leave the focus alone (read when the dialog unmounts). */
  returnFocus?: { current: boolean };
}

export function Modal({ label, onClose, children, className, returnFocus }: Props) {
  const previous = useRef<Element | null>(document.activeElement);
  const returnRef = useRef(returnFocus);
  returnRef.current = returnFocus;
  const backdrop = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const restore = previous.current;
    const node = backdrop.current;
    return () => {
      // Only when the dialog has really gone: StrictMode's trial unmount leaves it in the page,
      // and focusing the opener then would take the focus from the dialog's own field.
      if (node?.isConnected) return;
      // Left alone, the focus falls to the page as the dialog's elements go.
      if (returnRef.current?.current === false) return;
      if (restore instanceof HTMLElement) restore.focus();
    };
  }, []);
  return (
    <div ref={backdrop} className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={label}
        className={`modal${className ? ` ${className}` : ''}`}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
      >
        {children}
      </div>
    </div>
  );
}
