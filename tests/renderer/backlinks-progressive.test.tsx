import './setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from './render-app';

// A hub with 1,000 notes linking to it: the sidebar renders the first 100 at once, the rest in slices.
function hubVault() {
  const notes: Record<string, string> = { 'Hub.md': '# Hub\n' };
  for (let i = 0; i < 1000; i++) notes[`Links/Source ${i}.md`] = `# Source ${i}\n\nSee [[Hub]].\n`;
  return { notes };
}

const backlinks = () => screen.getByRole('complementary', { name: 'Backlinks' });
const groupCount = () => backlinks().querySelectorAll('.backlink-groups > li').length;

test('a hub with 1,000 backlinks renders 100 at first, more from "Show more" and from scrolling to the end', async () => {
  const observed: { el: Element; fire(): void }[] = [];
  class FakeObserver {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(el: Element) {
      observed.push({
        el,
        fire: () => this.callback([{ isIntersecting: true, target: el } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver),
      });
    }
    disconnect() {}
  }
  const original = window.IntersectionObserver;
  window.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  try {
    renderApp(hubVault(), '#/note/Hub.md');
    await within(backlinks()).findByText('1000');
    expect(groupCount()).toBe(100);
    fireEvent.click(within(backlinks()).getByRole('button', { name: 'Show more (900 more notes)' }));
    expect(groupCount()).toBe(300);
    // The sentinel coming into view loads the next slice.
    const sentinel = observed.filter((o) => o.el.isConnected).pop()!;
    act(() => sentinel.fire());
    expect(groupCount()).toBe(500);
    for (let i = 0; i < 3; i++) fireEvent.click(within(backlinks()).getByRole('button', { name: /Show more/ }));
    expect(groupCount()).toBe(1000);
    expect(within(backlinks()).queryByRole('button', { name: /Show more/ })).toBeNull();
  } finally {
    window.IntersectionObserver = original;
  }
});
