/** A modal dialog shell: traps nothing fancy, but closes on Escape/backdrop and restores focus on close. */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Modal({ label, onClose, children, className }: Props) {
  const previous = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    const restore = previous.current;
    return () => {
      if (restore instanceof HTMLElement) restore.focus();
    };
  }, []);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label={label} className={`modal${className ? ` ${className}` : ''}`} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
        {children}
      </div>
    </div>
  );
}
