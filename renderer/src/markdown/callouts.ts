/**
 * Obsidian callouts: a block quote whose first line is `[!type]`, `[!type]-` (folded) or
 * `[!type]+` (foldable, open), then an optional title. Runs on the hast after sanitize, so the
 * classes and data attributes it adds are ours and the sanitize schema need not allow them for
 * the note's own HTML. Foldable callouts are `<details>`/`<summary>`: the browser gives them a
 * keyboard-reachable toggle without any script.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { eachElement } from './each-element';

/** Every Obsidian type and alias, to the type whose icon and colour it shares. */
const KINDS: Record<string, string> = {
  note: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

/** `[!type]` with an optional fold marker, at the very start of the quote's first paragraph. */
const MARKER = /^\[!([^\]\s]+)\]([+-]?)[ \t]*/;

/** The `[!type]` marker at the start of a quote's first line: its type, fold and length, or null. */
export function calloutMarker(text: string): { type: string; fold: string; length: number } | null {
  const m = MARKER.exec(text);
  return m ? { type: m[1].toLowerCase(), fold: m[2], length: m[0].length } : null;
}

export function calloutKind(type: string): string {
  return KINDS[type.toLowerCase()] ?? 'note';
}

/** The type as a title when none is written: `[!tldr]` is titled "Tldr", as in Obsidian. */
export function defaultTitle(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).toLowerCase();
}

function isBlank(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/**
 * Splits the first paragraph's children at its first line end: before it is the title, after it
 * the start of the body. A line end is a `<br>` (line breaks on) or a newline in a text node.
 */
function splitFirstLine(children: ElementContent[]): { title: ElementContent[]; rest: ElementContent[] } {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'element' && child.tagName === 'br') {
      const rest = children.slice(i + 1);
      if (rest[0]?.type === 'text') rest[0] = { ...rest[0], value: rest[0].value.replace(/^\r?\n/, '') };
      return { title: children.slice(0, i), rest };
    }
    if (child.type === 'text') {
      const newline = child.value.indexOf('\n');
      if (newline >= 0) {
        const before: Text = { type: 'text', value: child.value.slice(0, newline) };
        const after: Text = { type: 'text', value: child.value.slice(newline + 1) };
        return { title: [...children.slice(0, i), before], rest: [after, ...children.slice(i + 1)] };
      }
    }
  }
  return { title: children, rest: [] };
}

function trimTitle(title: ElementContent[]): ElementContent[] {
  const out = title.filter((node) => !(node.type === 'text' && node.value === ''));
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out.filter((node) => !(node.type === 'text' && node.value === ''));
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Turns `quote` into a callout in place, or leaves it alone when it is a plain quote. */
function toCallout(quote: Element): void {
  const kids = quote.children;
  const firstIndex = kids.findIndex((node) => !isBlank(node));
  const first = kids[firstIndex];
  if (!first || first.type !== 'element' || first.tagName !== 'p') return;
  const lead = first.children[0];
  if (!lead || lead.type !== 'text') return;
  const marker = calloutMarker(lead.value);
  if (!marker) return;
  const { type, fold } = marker;
  const paragraph: ElementContent[] = [{ type: 'text', value: lead.value.slice(marker.length) }, ...first.children.slice(1)];
  const { title, rest } = splitFirstLine(paragraph);
  const titleContent = trimTitle(title);
  const bodyStart = rest.filter((node) => !(node.type === 'text' && node.value === ''));
  const body: ElementContent[] = [];
  if (bodyStart.some((node) => !isBlank(node))) body.push(element('p', {}, bodyStart));
  body.push(...kids.slice(firstIndex + 1).filter((node) => !isBlank(node)));

  const titleChildren: ElementContent[] = [
    element('span', { className: ['callout-icon'], ariaHidden: 'true' }, []),
    element('span', { className: ['callout-title-inner'] }, titleContent.length > 0 ? titleContent : [{ type: 'text', value: defaultTitle(type) }]),
  ];
  const properties = { className: ['callout'], dataCallout: type, dataCalloutKind: calloutKind(type), ...(fold ? { dataCalloutFold: fold } : {}) };
  const content = element('div', { className: ['callout-content'] }, body);
  if (fold) {
    quote.tagName = 'details';
    quote.properties = { ...properties, open: fold === '+' };
    quote.children = [element('summary', { className: ['callout-title'] }, titleChildren), content];
  } else {
    quote.tagName = 'div';
    quote.properties = properties;
    quote.children = [element('div', { className: ['callout-title'] }, titleChildren), content];
  }
}

/** Every block quote, at any depth (nested callouts, callouts in lists), outermost first. */
export function renderCallouts(tree: Root): void {
  eachElement(tree, (node: Element) => {
    if (node.tagName === 'blockquote') toCallout(node);
  });
}
