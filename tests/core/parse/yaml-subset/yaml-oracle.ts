/** What frontmatter.ts's parseYaml yields, kept as the oracle for parseSimpleYaml: data or an error. */
import { parseDocument } from 'yaml';

export function yamlOracle(source: string): Record<string, unknown> | 'error' {
  const document = parseDocument(source, { prettyErrors: false });
  if (document.errors.length > 0) return 'error';
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch {
    return 'error';
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return 'error';
  return value as Record<string, unknown>;
}
