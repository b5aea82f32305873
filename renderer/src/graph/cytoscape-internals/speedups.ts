/**
 * The shortcuts this view installs into one cytoscape instance's style and renderer internals
 * (cytoscape 3.35), each in its own module with the measurements that justified it. Each one
 * checks the internals it needs and leaves cytoscape as it is when they are missing (another
 * version, headless, WebGL), so the view still works, only slower.
 */
import type { Core } from 'cytoscape';
import { installLabelTriggerShortcut } from './label-trigger-shortcut';
import { installFirstStyleShortcut } from './first-style-shortcut';
import { installFirstStyleCopy } from './first-style-copy';
import { installFastZSort } from './fast-z-sort';
import { installTextureCacheSkip } from './texture-cache-skip';

/** Which shortcuts took (for tests and diagnostics). */
export interface Speedups {
  labelTriggers: boolean;
  firstStyle: boolean;
  styleCopy: boolean;
  zSort: boolean;
  textureCaches: number;
}

export function installSpeedups(cy: Core): Speedups {
  // Both wrap Style.checkTriggers: the first-style shortcut, installed last, sees first
  // applications before the label shortcut does (which passes them on anyway).
  const labelTriggers = installLabelTriggerShortcut(cy);
  const firstStyle = installFirstStyleShortcut(cy);
  return { labelTriggers, firstStyle, styleCopy: installFirstStyleCopy(cy), zSort: installFastZSort(cy), textureCaches: installTextureCacheSkip(cy) };
}
