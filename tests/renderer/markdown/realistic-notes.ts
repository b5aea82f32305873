/**
 * Large notes that look like real ones (prose with bold, italic, strikethrough, inline code,
 * links, wiki links, tight and nested lists, quotes, tables, code blocks, stray `*` and `_`),
 * generated from a seed so the render guard's thresholds can be checked against them.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'the of and graph note vault link idea project meeting draft review snake_case_name value 5* rating approx~ x_1 a*b [sic] under_score item plan design release (see above) — café naïve 東京 data'.split(
    ' ',
  );

export function realisticNote(bytes: number, seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const word = () => pick(WORDS);
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const inline = () => {
    const k = r();
    if (k < 0.1) return `**${words(2)}**`;
    if (k < 0.2) return `*${words(3)}*`;
    if (k < 0.25) return `_${words(2)}_`;
    if (k < 0.28) return `~~${words(2)}~~`;
    if (k < 0.36) return `\`${word()}()\``;
    if (k < 0.44) return `[${words(2)}](https://example.com/${word()})`;
    if (k < 0.52) return `[[${word()} note${r() < 0.3 ? '#Heading' : ''}]]`;
    if (k < 0.55) return `***${words(2)}***`;
    if (k < 0.57) return `**${words(1)} *${words(2)}* ${words(1)}**`;
    return words(1 + Math.floor(r() * 4));
  };
  const sentence = () => Array.from({ length: 6 + Math.floor(r() * 14) }, inline).join(' ') + '.';
  const paragraph = () => Array.from({ length: 2 + Math.floor(r() * 6) }, sentence).join(' ');
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const k = r();
    let block: string;
    if (k < 0.08) block = `${'#'.repeat(1 + Math.floor(r() * 3))} ${words(3)}`;
    else if (k < 0.2) block = Array.from({ length: 3 + Math.floor(r() * 30) }, (_, i) => `${i % 4 === 3 ? '    ' : ''}- ${sentence()}`).join('\n');
    else if (k < 0.25) block = Array.from({ length: 3 + Math.floor(r() * 8) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n');
    else if (k < 0.3) block = Array.from({ length: 2 + Math.floor(r() * 4) }, () => `> ${sentence()}`).join('\n');
    else if (k < 0.35)
      block =
        '```ts\n' +
        Array.from({ length: 4 + Math.floor(r() * 10) }, () => `const ${word().replace(/\W/g, '')} = a * b[i] ** 2; // *ptr _x`).join('\n') +
        '\n```';
    else if (k < 0.38)
      block =
        `| ${words(1)} | ${words(1)} |\n| --- | --- |\n` + Array.from({ length: 3 + Math.floor(r() * 10) }, () => `| ${inline()} | ${inline()} |`).join('\n');
    else block = paragraph();
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks.join('\n\n') + '\n';
}
