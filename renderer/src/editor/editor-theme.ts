/**
 * How the editor looks in both modes, in the app's colours (styles.css variables, so light and
 * dark follow the system like the rest of the window): syntax colours that stay readable in
 * dark mode (markup, frontmatter and `[[ ]]` in the muted colour rather than near-invisible
 * grey), headings sized and bold but never underlined, and the `[[` completion popup themed.
 */
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { windowedHighlighting } from './windowed-highlighting';

const highlight = HighlightStyle.define([
  // Bold only: Live Preview sizes heading lines by level (editor.css), source mode keeps one size.
  { tag: t.heading, fontWeight: '700', textDecoration: 'none' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.special(t.emphasis), backgroundColor: 'var(--mark)' },
  { tag: [t.link, t.url], color: 'var(--accent)' },
  { tag: t.labelName, color: 'var(--accent)' },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: 'var(--muted)' },
  { tag: t.monospace, fontFamily: 'var(--mono)', fontSize: '0.92em' },
  { tag: t.special(t.string), fontFamily: 'var(--mono)', color: 'var(--accent)' },
  { tag: [t.keyword, t.operator], color: 'var(--accent)' },
  { tag: [t.string, t.regexp], color: 'var(--unresolved)' },
  { tag: t.comment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: t.invalid, color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'transparent' },
  '.cm-content': { caretColor: 'var(--text)', lineHeight: '1.6' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--accent-soft) !important' },
  '.cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid var(--accent)' },
  '.cm-nonmatchingBracket': { color: 'var(--danger)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-panels': { backgroundColor: 'var(--bg-soft)', color: 'var(--text)', borderColor: 'var(--border)' },
  '.cm-searchMatch': { backgroundColor: 'var(--mark)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    boxShadow: 'var(--shadow)',
    overflow: 'hidden',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': {
    fontFamily: 'var(--font)',
    fontSize: '14px',
    maxHeight: '16em',
    minWidth: '18em',
    maxWidth: 'min(32em, 90vw)',
    padding: '4px',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': {
    padding: '4px 8px',
    borderRadius: '5px',
    display: 'flex',
    alignItems: 'baseline',
    gap: '8px',
    lineHeight: '1.4',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent-soft)', color: 'var(--text)' },
  '.cm-completionLabel': { flex: '1', minWidth: '0', overflow: 'hidden', textOverflow: 'ellipsis' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700', color: 'var(--accent)' },
  '.cm-completionDetail': {
    marginLeft: 'auto',
    fontStyle: 'normal',
    fontSize: '12px',
    color: 'var(--muted)',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '50%',
  },
  '.cm-completionIcon': { display: 'none' },
});

export function editorTheme(): Extension {
  return [theme, windowedHighlighting(highlight)];
}
