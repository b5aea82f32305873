/**
 * IndexStatusFeed's progress events: the first is always sent, then at most one per interval,
 * and the last (done === total) always.
 */
import type { VaultEvent } from '../../../main/contract/api-contract';
import { IndexStatusFeed } from '../../../main/service/index/index-status';

afterEach(() => jest.restoreAllMocks());

function progressAt(times: number[], calls: [number, number][]): string[] {
  const clock = jest.spyOn(performance, 'now');
  for (const time of times) clock.mockReturnValueOnce(time);
  const heard: VaultEvent[] = [];
  const feed = new IndexStatusFeed(() => undefined);
  const progress = feed.progress((event) => heard.push(event));
  for (const [done, total] of calls) progress(done, total);
  return heard.map((event) => (event.type === 'status' && event.status.state === 'indexing' ? `${event.status.done}/${event.status.total}` : event.type));
}

test.each([
  // A process that reaches indexing within its first 100 ms still says where it starts.
  [
    'first call soon after start',
    [20, 40, 60],
    [
      [0, 3],
      [1, 3],
      [2, 3],
    ] as [number, number][],
    ['0/3'],
  ],
  [
    'first call late',
    [5_000, 5_010, 5_200],
    [
      [0, 3],
      [1, 3],
      [2, 3],
    ] as [number, number][],
    ['0/3', '2/3'],
  ],
  [
    'the last is always sent',
    [30, 35, 40],
    [
      [0, 2],
      [1, 2],
      [2, 2],
    ] as [number, number][],
    ['0/2', '2/2'],
  ],
])('%s', (_name, times, calls, expected) => {
  expect(progressAt(times, calls)).toEqual(expected);
});
