/** The chosen version against the note's current text, as a line diff (only the changed lines, with a little context). */
import { useMemo } from 'react';
import { lineDiff, type DiffLine } from '../../editor/line-diff';

const CONTEXT = 2;

export function VersionDiff({ current, version }: { current: string | null; version: string }) {
  const lines = useMemo(() => (current === null ? null : withContext(lineDiff(current, version))), [current, version]);
  if (lines === null)
    return (
      <pre className="recovery-diff" aria-label="This version's text">
        {version}
      </pre>
    );
  if (lines.length === 0) return <p className="muted small">Same text as the note now.</p>;
  return (
    <pre className="recovery-diff" aria-label="Differences: now (−) and this version (+)">
      {lines.map((line, i) =>
        line === null ? (
          <div key={i} className="diff-gap">
            ⋯
          </div>
        ) : (
          <div key={i} className={`diff-${line.kind}`}>
            {line.kind === 'theirs' ? '− ' : line.kind === 'mine' ? '+ ' : '  '}
            {line.text}
          </div>
        ),
      )}
    </pre>
  );
}

/** Changed lines plus CONTEXT unchanged lines around each run; null marks skipped lines. Empty when nothing changed. */
function withContext(diff: DiffLine[]): (DiffLine | null)[] {
  const keep = new Array<boolean>(diff.length).fill(false);
  diff.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(diff.length - 1, i + CONTEXT); j++) keep[j] = true;
  });
  const out: (DiffLine | null)[] = [];
  diff.forEach((line, i) => {
    if (keep[i]) out.push(line);
    else if (out.length > 0 && out[out.length - 1] !== null) out.push(null);
  });
  if (out.at(-1) === null) out.pop();
  return out;
}
