/**
 * The compact form in which a parse worker hands a big batch's results to the main thread.
 *
 * A note's links, tags, headings, block ids and aliases can number hundreds of thousands (one
 * big note); sent as objects, the main thread deserialises every one of them property by
 * property, in one turn, and then collects the garbage, all while the app waits. Packed, the
 * answer is one string holding every distinct string of the batch, and two typed arrays
 * (transferred, not copied): where each string ends, and a stream of numbers that describes
 * every item by string ids and integers. Unpacking builds the objects with one literal each and
 * takes each string as a slice of the big one (computed once per distinct string), which costs
 * a fraction of the deserialisation. Everything else (path, title, frontmatter, file facts)
 * stays a plain object: it is small, and new fields cross without this file knowing them.
 *
 * The slices keep the batch's big string alive while any of them lives; it holds nothing but
 * those strings, each once (V8 copies short slices out, so their few bytes are held twice).
 */
import type { BlockIdInfo, HeadingInfo, LinkRef, ParsedNote } from '../../core/types';
import type { ParsedFile, ParseResult } from './parse-files';

/** A note without its packed lists, which follow in the batch's number stream. */
type NoteHead = Omit<ParsedNote, 'aliases' | 'tags' | 'headings' | 'blockIds' | 'links'>;

type PackedResult = (Omit<ParsedFile, 'parsed'> & { parsed: NoteHead }) | Exclude<ParseResult, ParsedFile>;

export interface PackedResults {
  results: PackedResult[];
  /** Every distinct string of the batch's lists, concatenated. */
  strings: string;
  /** String i is `strings.slice(ends[i - 1] ?? 0, ends[i])`. */
  ends: Uint32Array;
  /** Per note, in order: each list's length, then its items (see Writer.note). String ids, -1 for null. */
  numbers: Int32Array;
}

/**
 * Batches with fewer list items cross as plain objects: their deserialisation is short, and
 * packing every batch of a large vault held more memory at its peak than objects did
 * (docs/benchmarks.md).
 */
export const PACK_MIN_ITEMS = 10_000;

/** How many links, tags, headings, block ids and aliases the batch's notes hold. */
export function listItems(results: ParseResult[]): number {
  let items = 0;
  for (const result of results) {
    if (!result.ok) continue;
    const { aliases, tags, headings, blockIds, links } = result.parsed;
    items += aliases.length + tags.length + headings.length + blockIds.length + links.length;
  }
  return items;
}

const EMBED = 1;
const IN_FRONTMATTER = 2;
const MARKDOWN = 4;

/** The packed batch and the buffers to transfer with it. */
export function packResults(results: ParseResult[]): { packed: PackedResults; transfer: ArrayBuffer[] } {
  const writer = new Writer();
  const heads: PackedResult[] = results.map((result) => {
    if (!result.ok) return result;
    const { aliases, tags, headings, blockIds, links, ...head } = result.parsed;
    writer.note(aliases, tags, headings, blockIds, links);
    return { ...result, parsed: head };
  });
  const packed = writer.finish(heads);
  return { packed, transfer: [packed.ends.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer] };
}

/** How many list items are unpacked before the main thread is let go for a turn. */
export const DEFAULT_ITEMS_PER_TURN = 20_000;

/**
 * The batch's results, unpacked over as many event-loop turns as it has `itemsPerTurn` items
 * (fewer: in the calling turn): one huge note must not hold the thread, and the garbage of
 * its objects is collected between them.
 */
export async function unpackResults(packed: PackedResults, itemsPerTurn: number = DEFAULT_ITEMS_PER_TURN): Promise<ParseResult[]> {
  const reader = new Reader(packed, itemsPerTurn);
  const results: ParseResult[] = [];
  for (const result of packed.results) results.push(result.ok ? { ...result, parsed: await reader.note(result.parsed) } : result);
  if (reader.remaining() !== 0) throw new Error(`packed parse results: ${reader.remaining()} numbers left over`);
  return results;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

class Writer {
  private readonly ids = new Map<string, number>();
  private readonly parts: string[] = [];
  private readonly ends: number[] = [];
  private length = 0;
  private numbers = new Int32Array(1024);
  private size = 0;

  note(aliases: string[], tags: string[], headings: HeadingInfo[], blockIds: BlockIdInfo[], links: LinkRef[]): void {
    this.reserve(5 + aliases.length + tags.length + 3 * headings.length + 2 * blockIds.length + 10 * links.length);
    this.push(aliases.length);
    for (const alias of aliases) this.push(this.id(alias));
    this.push(tags.length);
    for (const tag of tags) this.push(this.id(tag));
    this.push(headings.length);
    for (const heading of headings) this.push3(this.id(heading.text), heading.level, heading.line);
    this.push(blockIds.length);
    for (const block of blockIds) {
      this.push(this.id(block.id));
      this.push(block.line);
    }
    this.push(links.length);
    for (const link of links) {
      const flags = (link.embed ? EMBED : 0) | (link.inFrontmatter ? IN_FRONTMATTER : 0) | (link.kind === 'markdown' ? MARKDOWN : 0);
      this.push3(flags, this.id(link.target), this.id(link.text));
      this.push3(this.id(link.heading), this.id(link.block), this.id(link.alias));
      this.push3(link.line, link.start, link.end);
      this.push(this.id(link.context));
    }
  }

  finish(results: PackedResult[]): PackedResults {
    return { results, strings: this.parts.join(''), ends: Uint32Array.from(this.ends), numbers: this.numbers.slice(0, this.size) };
  }

  private id(value: string | null): number {
    if (value === null) return -1;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.parts.length;
      this.ids.set(value, id);
      this.parts.push(value);
      this.length += value.length;
      this.ends.push(this.length);
    }
    return id;
  }

  private reserve(count: number): void {
    if (this.size + count <= this.numbers.length) return;
    const grown = new Int32Array(Math.max(this.numbers.length * 2, this.size + count));
    grown.set(this.numbers.subarray(0, this.size));
    this.numbers = grown;
  }

  private push(value: number): void {
    this.numbers[this.size++] = value;
  }

  private push3(a: number, b: number, c: number): void {
    this.numbers[this.size++] = a;
    this.numbers[this.size++] = b;
    this.numbers[this.size++] = c;
  }
}

class Reader {
  private readonly cache: (string | undefined)[];
  private at = 0;
  /** Items left before the next pause. */
  private allowance: number;

  constructor(
    private readonly packed: PackedResults,
    private readonly itemsPerTurn: number,
  ) {
    this.cache = new Array<string | undefined>(packed.ends.length);
    this.allowance = itemsPerTurn;
  }

  remaining(): number {
    return this.packed.numbers.length - this.at;
  }

  async note(head: NoteHead): Promise<ParsedNote> {
    const n = this.packed.numbers;
    const aliases: string[] = new Array<string>(this.next());
    for (let i = 0; i < aliases.length; i++) {
      if (--this.allowance < 0) await this.pause();
      aliases[i] = this.text(n[this.at++]);
    }
    const tags: string[] = new Array<string>(this.next());
    for (let i = 0; i < tags.length; i++) {
      if (--this.allowance < 0) await this.pause();
      tags[i] = this.text(n[this.at++]);
    }
    const headings: HeadingInfo[] = new Array<HeadingInfo>(this.next());
    for (let i = 0; i < headings.length; i++) {
      if (--this.allowance < 0) await this.pause();
      headings[i] = { text: this.text(n[this.at]), level: n[this.at + 1], line: n[this.at + 2] };
      this.at += 3;
    }
    const blockIds: BlockIdInfo[] = new Array<BlockIdInfo>(this.next());
    for (let i = 0; i < blockIds.length; i++) {
      if (--this.allowance < 0) await this.pause();
      blockIds[i] = { id: this.text(n[this.at]), line: n[this.at + 1] };
      this.at += 2;
    }
    const links: LinkRef[] = new Array<LinkRef>(this.next());
    for (let i = 0; i < links.length; i++) {
      if (--this.allowance < 0) await this.pause();
      const at = this.at;
      const flags = n[at];
      links[i] = {
        kind: flags & MARKDOWN ? 'markdown' : 'wiki',
        embed: (flags & EMBED) !== 0,
        target: this.text(n[at + 1]),
        text: this.text(n[at + 2]),
        heading: this.nullable(n[at + 3]),
        block: this.nullable(n[at + 4]),
        alias: this.nullable(n[at + 5]),
        line: n[at + 6],
        start: n[at + 7],
        end: n[at + 8],
        context: this.text(n[at + 9]),
        inFrontmatter: (flags & IN_FRONTMATTER) !== 0,
      };
      this.at += 10;
    }
    if (this.at > n.length) throw new Error('packed parse results: the number stream ends inside a note');
    // The parser's key order, so these notes share their hidden class with the parse cache's.
    const { path, title, ...rest } = head;
    return { path, title, aliases, tags, headings, blockIds, links, ...rest };
  }

  private async pause(): Promise<void> {
    await nextTurn();
    this.allowance = this.itemsPerTurn;
  }

  private next(): number {
    const count = this.packed.numbers[this.at++];
    if (!(count >= 0)) throw new Error(`packed parse results: bad list length ${count} at ${this.at - 1}`);
    return count;
  }

  private nullable(id: number): string | null {
    return id < 0 ? null : this.text(id);
  }

  private text(id: number): string {
    const cached = this.cache[id];
    if (cached !== undefined) return cached;
    if (!(id >= 0 && id < this.cache.length)) throw new Error(`packed parse results: no string ${id}`);
    const { strings, ends } = this.packed;
    const value = strings.slice(id === 0 ? 0 : ends[id - 1], ends[id]);
    this.cache[id] = value;
    return value;
  }
}
