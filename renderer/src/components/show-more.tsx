/** The end of a partly rendered list: scrolling to it (or pressing it) renders the next slice. */
import type { Progressive } from '../hooks/use-progressive';

export function ShowMore({ slice, total, noun }: { slice: Progressive; total: number; noun: string }) {
  if (slice.shown >= total) return null;
  return (
    <button type="button" ref={slice.sentinel} className="show-more" onClick={slice.more}>
      Show more ({total - slice.shown} more {noun})
    </button>
  );
}
