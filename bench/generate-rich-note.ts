/**
 * One big, ordinary Obsidian note for the render benchmark: sections of prose with wiki links,
 * embeds, markdown links, emphasis, highlights, inline code and inline math, bullet and task
 * lists, fenced code, tables, display math and callouts, repeated (with varying words) until
 * the note reaches the requested size. Deterministic for a seed, so runs are comparable.
 */
import { seededRandom } from '../main/core/analysis/seeded-random';

const WORDS = (
  'model token vector layer weight gradient loss attention embedding training data batch ' +
  'network neuron signal memory context window sequence output input function value error ' +
  'learning rate step update parameter matrix space dimension prompt feature pattern graph note'
).split(' ');

export function generateRichNote(bytes: number, seed = 21): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const note = () => `Note ${String(Math.floor(random() * 5000)).padStart(5, '0')}`;
  const inline = (): string =>
    pick([
      () => `[[${note()}]]`,
      () => `[[${note()}#${words(2)}|${words(2)}]]`,
      () => `[${words(2)}](${note().replace(' ', '%20')}.md)`,
      () => `**${words(2)}**`,
      () => `*${words(1)}*`,
      () => `==${words(2)}==`,
      () => `\`${words(1)}()\``,
      () => `$x_{${Math.floor(random() * 9)}} + \\alpha$`,
      () => `#topic/${pick(WORDS)}`,
      () => words(3),
      () => words(4),
    ])();
  const sentence = () => `${words(3)} ${inline()} ${words(2)} ${inline()} ${words(4)}.`;
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
  const parts: string[] = ['---', 'tags: [bench, render]', 'aliases: [Big note]', '---', ''];
  let size = parts.join('\n').length;
  let section = 0;
  while (size < bytes) {
    section++;
    const blocks = [
      `## Section ${section}: ${words(3)}`,
      paragraph(),
      paragraph(),
      Array.from({ length: 5 }, () => `- ${sentence()}`).join('\n'),
      Array.from({ length: 3 }, (_, i) => `${i + 1}. ${words(3)} [[${note()}]]`).join('\n'),
      `- [ ] ${words(3)}\n- [x] ${words(2)} ${inline()}`,
      '```ts\n' + Array.from({ length: 6 }, () => `const ${pick(WORDS)} = ${pick(WORDS)}(${pick(WORDS)}, ${Math.floor(random() * 100)});`).join('\n') + '\n```',
      `| ${words(1)} | ${words(1)} | ${words(1)} |\n| --- | --- | ---: |\n` +
        Array.from({ length: 4 }, () => `| ${inline()} | ${words(2)} | ${Math.floor(random() * 1000)} |`).join('\n'),
      `$$\n\\sum_{i=1}^{n} ${pick(WORDS)}_i^2 = \\frac{${section}}{n}\n$$`,
      `> [!${pick(['note', 'tip', 'warning', 'info'])}] ${words(2)}\n> ${sentence()}`,
      paragraph(),
    ];
    const text = blocks.join('\n\n') + '\n\n';
    parts.push(text);
    size += text.length;
  }
  return parts.join('\n');
}
