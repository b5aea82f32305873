/**
 * The render guard: why remark must not be given a note, or null when it may. Both checks are
 * linear scans; remark's worst cases (deep containers, tangled inline delimiters) are not, and
 * would freeze the reading view or stall a parse. The reading view shows a refused note as plain
 * text (and so draws no links); the index's faithful parse leaves it to the scanner.
 */
import { tooDeepReason } from './container-depth';
import { inlineCostReason } from './inline-cost';

export function renderRefusal(markdown: string): string | null {
  return tooDeepReason(markdown) ?? inlineCostReason(markdown);
}
