/** The note the typing benches type into: mixed markdown (headings, emphasis, links, tags, tasks, callouts, math, tables) of about `targetBytes`. */
export function generateTypingNote(targetBytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const block = [
      `## Section ${i}`,
      '',
      `Some **bold ${i}**, *italic*, ~~gone~~, ==marked== and \`code ${i}\` with [[Welcome|a link]] and #tag/n${i % 50}.`,
      `- [${i % 2 ? 'x' : ' '}] task ${i} and [a site](https://example.com/${i})`,
      `> [!note] Callout ${i}`,
      `> Math $e^{${i}x}$ inline.`,
      '',
      `| a | b |\n| - | - |\n| ${i} | ${i * 2} |`,
      '',
    ].join('\n');
    blocks.push(block);
    size += block.length + 1;
  }
  return blocks.join('\n');
}
