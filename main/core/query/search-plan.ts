/**
 * Which words a note must contain for a query to possibly match it, as an AND/OR tree: the
 * service looks these up in its full-text index to get candidate notes, and only those are
 * read and checked exactly (search-evaluate.ts). 'any' means the index cannot narrow that part
 * (an excluded word, a regex, or a metadata operator, which the evaluator checks without text).
 */
import type { QueryNode } from './search-query';

export type CandidatePlan =
  | { kind: 'any' }
  /** `inNames`: a word outside `content:` also matches the note's path, so path hits count as candidates. */
  | { kind: 'word'; value: string; inNames: boolean }
  | { kind: 'and'; children: CandidatePlan[] }
  | { kind: 'or'; children: CandidatePlan[] };

const ANY: CandidatePlan = { kind: 'any' };

export function candidatePlan(query: QueryNode, inNames = true): CandidatePlan {
  switch (query.kind) {
    case 'text':
      return { kind: 'word', value: query.value, inNames };
    case 'regex':
    case 'not':
      return ANY;
    case 'and': {
      const children = query.children.map((child) => candidatePlan(child, inNames)).filter((plan) => plan.kind !== 'any');
      if (children.length === 0) return ANY;
      return children.length === 1 ? children[0] : { kind: 'and', children };
    }
    case 'or': {
      const children = query.children.map((child) => candidatePlan(child, inNames));
      return children.some((plan) => plan.kind === 'any') ? ANY : { kind: 'or', children };
    }
    case 'field':
      switch (query.field) {
        case 'content':
        case 'line':
        case 'block':
        case 'section':
          return candidatePlan(query.child, false);
        case 'match-case':
        case 'ignore-case':
          return candidatePlan(query.child, inNames);
        default:
          return ANY;
      }
  }
}
