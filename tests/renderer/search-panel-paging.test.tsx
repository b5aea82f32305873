/**
 * The search panel answers a wholesale change of its query (a paste, a tag clicked) at once and
 * waits out the debounce only for a typed character; it draws the first hits of a page at once
 * and the rest when the list's end is reached, the count staying that of every match.
 */
import './setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { PlexusApi, SearchHit, SearchResults } from '../../main/contract/api-contract';
import { FIRST_HITS, oneKeyApart, SearchPanel } from '../../renderer/src/components/search-panel';

function hits(n: number): SearchHit[] {
  return Array.from(
    { length: n },
    (_, i) => ({ path: `N${i}.md`, title: `N${i}`, score: 1, snippet: `word ${i}`, line: 1, match: null }) as unknown as SearchHit,
  );
}

/** An api whose searches answer `results`, or never (null: only the asking is watched). */
function fakeApi(results: SearchResults | null) {
  const asked: string[] = [];
  const api = {
    search: (query: string) => {
      asked.push(query);
      return results === null ? new Promise(() => {}) : Promise.resolve({ ok: true as const, value: results });
    },
  } as unknown as PlexusApi;
  return { api, asked };
}

function panel(api: PlexusApi, query: string) {
  return <SearchPanel api={api} query={query} onQueryChange={() => {}} onClose={() => {}} focusToken={0} />;
}

const rows = () => screen.getByRole('region', { name: 'Search' }).querySelectorAll('.search-results > li').length;

test('one typed or deleted character is one key apart; a paste or a replaced word is not', () => {
  expect(oneKeyApart('gradien', 'gradient')).toBe(true);
  expect(oneKeyApart('gradient', 'gradint')).toBe(true);
  expect(oneKeyApart('', 'g')).toBe(true);
  expect(oneKeyApart('', 'gradient')).toBe(false);
  expect(oneKeyApart('vector', 'matrix')).toBe(false);
  expect(oneKeyApart('ab', 'ab')).toBe(false);
});

describe('when the panel searches', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a pasted query is searched at once, a typed character after the debounce', () => {
    const { api, asked } = fakeApi(null);
    const { rerender } = render(panel(api, 'gradient'));
    expect(asked).toEqual(['gradient']);
    rerender(panel(api, 'gradients'));
    expect(asked).toEqual(['gradient']);
    act(() => jest.advanceTimersByTime(149));
    expect(asked).toEqual(['gradient']);
    act(() => jest.advanceTimersByTime(1));
    expect(asked).toEqual(['gradient', 'gradients']);
    rerender(panel(api, 'tag:#topic/graph'));
    expect(asked).toEqual(['gradient', 'gradients', 'tag:#topic/graph']);
  });

  test('typing into an empty box waits for the debounce', () => {
    const { api, asked } = fakeApi(null);
    const { rerender } = render(panel(api, ''));
    rerender(panel(api, 'g'));
    expect(asked).toEqual([]);
    act(() => jest.advanceTimersByTime(150));
    expect(asked).toEqual(['g']);
  });
});

test('a page of 200 hits draws its first rows at once and the rest on "Show more"; the count is of every match', async () => {
  const { api } = fakeApi({ hits: hits(200), total: 5000 });
  render(panel(api, 'word'));
  const region = screen.getByRole('region', { name: 'Search' });
  expect(await within(region).findByText('5000 results, showing the first 200')).toBeInTheDocument();
  expect(rows()).toBe(FIRST_HITS);
  fireEvent.click(within(region).getByRole('button', { name: `Show more (${200 - FIRST_HITS} more results)` }));
  expect(rows()).toBe(200);
  expect(within(region).queryByRole('button', { name: /Show more/ })).toBeNull();
  expect(within(region).getByText('5000 results, showing the first 200')).toBeInTheDocument();
});
