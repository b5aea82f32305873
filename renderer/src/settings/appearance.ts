/**
 * The Appearance settings applied to the whole window: <html data-theme="light|dark"> (every
 * dark style keys on it), the notes' font size as --note-font-size, and
 * data-readable-width="on|off". "Follow system" resolves to the system's preference and
 * follows it when it changes.
 */
import { useEffect, useState } from 'react';
import type { Settings, Theme } from './settings-fields';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

export function resolveTheme(choice: Theme, prefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}

export function applyAppearance(
  settings: Pick<Settings, 'theme' | 'fontSize' | 'readableLineWidth'>,
  prefersDark = systemPrefersDark(),
  root = document.documentElement,
): void {
  root.dataset.theme = resolveTheme(settings.theme, prefersDark);
  root.style.setProperty('--note-font-size', `${settings.fontSize}px`);
  root.dataset.readableWidth = settings.readableLineWidth ? 'on' : 'off';
}

/** Applies the settings now and whenever they, or the system's preference, change. */
export function useAppearance(settings: Settings): void {
  const prefersDark = useSystemPrefersDark();
  const { theme, fontSize, readableLineWidth } = settings;
  useEffect(() => applyAppearance({ theme, fontSize, readableLineWidth }, prefersDark), [theme, fontSize, readableLineWidth, prefersDark]);
}

function useSystemPrefersDark(): boolean {
  const [dark, setDark] = useState(systemPrefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setDark(query.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, []);
  return dark;
}

/** Whether the window is drawn dark now (for what draws its own colours: diagrams, the graph). */
export function isDarkTheme(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

/** isDarkTheme, re-rendering when the theme changes. */
export function useDarkTheme(): boolean {
  const [dark, setDark] = useState(isDarkTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(isDarkTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    setDark(isDarkTheme());
    return () => observer.disconnect();
  }, []);
  return dark;
}
