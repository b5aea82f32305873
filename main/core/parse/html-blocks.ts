/** CommonMark's seven HTML block kinds, reduced to "where does this block end". */

export type HtmlBlockEnd = { until: string } | { untilBlankLine: true };

const RAW_TEXT = /^<(script|pre|style|textarea)(?:[ \t>]|$)/i;
const BLOCK_TAG =
  /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
const COMPLETE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/** The end condition when `line` (indentation removed) opens an HTML block, else null. */
export function htmlBlockStart(line: string, interruptsParagraph: boolean): HtmlBlockEnd | null {
  if (line.charCodeAt(0) !== 60) return null;
  const rawText = RAW_TEXT.exec(line);
  if (rawText) return { until: `</${rawText[1].toLowerCase()}>` };
  if (line.startsWith('<!--')) return { until: '-->' };
  if (line.startsWith('<?')) return { until: '?>' };
  if (line.startsWith('<![CDATA[')) return { until: ']]>' };
  if (/^<![A-Za-z]/.test(line)) return { until: '>' };
  if (BLOCK_TAG.test(line)) return { untilBlankLine: true };
  if (!interruptsParagraph && line.length < 2000 && COMPLETE_TAG.test(line)) return { untilBlankLine: true };
  return null;
}

/** True when `line` ends the block (for the opening line, the text after the opener counts). */
export function findHtmlBlockEnd(end: HtmlBlockEnd, line: string, blank: boolean): boolean {
  if ('untilBlankLine' in end) return blank;
  const lower = end.until.startsWith('</') ? line.toLowerCase() : line;
  // The opener itself must not satisfy the end marker (`<!-->` is not a closed comment).
  const from = end.until === '-->' && lower.startsWith('<!--') ? 4 : end.until === '?>' && lower.startsWith('<?') ? 2 : 0;
  return lower.indexOf(end.until, from) >= 0;
}
