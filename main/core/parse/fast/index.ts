/** The fast parse path: parseNoteFast for workers, fastParseNote and the counters for the bench. */
export { fastParseNote, parseNoteFast } from './fast-parse-note';
export { fastPathStats, resetFastPathStats, type FastPathStats } from './fast-path-stats';
export { parseSimpleYaml } from './simple-yaml';
