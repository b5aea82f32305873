/**
 * The parse cache's file layout: one line of JSON, the header (the versions, the vault's root,
 * the path table, the attachments, and the byte lengths of each part), then the parts one after
 * another, each a JSON list of up to NOTES_PER_PART entries followed at once by its raw section
 * of context snippets (parse-cache-links.ts). Every byte is ASCII.
 *
 * The parts exist for the warm open's memory: the file is read part by part through one reused
 * buffer, so the whole file's bytes, its whole JSON text and its whole raw section are never
 * held at once (at 50k notes those were a 51 MB buffer and two strings of 34 and 19 MB, next to
 * the decoded notes; figures in docs/benchmarks.md). A raw section stays alive only as long as
 * its own part's snippets, which are slices of it.
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';

/** Notes per part: about 0.7 MB of JSON and 0.4 MB of snippets in a generated vault. */
export const NOTES_PER_PART = 1000;

/** One part's length in bytes: its JSON list, then its raw section. */
export type PartLengths = [json: number, raw: number];

/** A part's text, or why the file does not hold it. */
export interface PartText {
  json: string;
  raw: string;
}

const CHUNK_BYTES = 1 << 16;

/** Reads a cache file front to back: the header line first, then each part (the lengths come from the header). */
export class CacheFileReader {
  private buffer = Buffer.allocUnsafe(0);
  private offset = 0;
  readonly size: number;

  constructor(private readonly fd: number) {
    this.size = fs.fstatSync(fd).size;
  }

  /** The file's first bytes (at most `bytes`), for the version check before anything is parsed. */
  head(bytes: number): string {
    const head = Buffer.allocUnsafe(Math.min(bytes, this.size));
    const read = this.readAt(head, 0, head.length);
    return head.toString('latin1', 0, read);
  }

  /** The header line (without its newline), or null when the file has no newline. */
  headerLine(): string | null {
    const chunks: Buffer[] = [];
    for (let at = 0; at < this.size; at += CHUNK_BYTES) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, this.size - at));
      this.readAt(chunk, at, chunk.length);
      const newline = chunk.indexOf(10);
      chunks.push(newline === -1 ? chunk : chunk.subarray(0, newline));
      if (newline !== -1) {
        this.offset = at + newline + 1;
        const line = Buffer.concat(chunks);
        if (!isAscii(line)) throw new Error('cache header is not ASCII');
        return line.toString('latin1');
      }
    }
    return null;
  }

  /** Bytes after the header line. */
  get rest(): number {
    return this.size - this.offset;
  }

  /** The next part's JSON and raw text; throws when the file ends first or the part is not ASCII. */
  part([jsonBytes, rawBytes]: PartLengths): PartText {
    const length = jsonBytes + rawBytes;
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(Math.max(length, this.buffer.length * 2));
    if (this.readAt(this.buffer, this.offset, length) !== length) throw new Error('cache record: a part ends early');
    this.offset += length;
    const bytes = this.buffer.subarray(0, length);
    if (!isAscii(bytes)) throw new Error('cache record: a part is not ASCII');
    // latin1 of ASCII bytes: the fastest decoding there is, and one character per byte.
    return { json: bytes.toString('latin1', 0, jsonBytes), raw: bytes.toString('latin1', jsonBytes, length) };
  }

  private readAt(target: Buffer, position: number, length: number): number {
    let done = 0;
    while (done < length) {
      const read = fs.readSync(this.fd, target, done, length - done, position + done);
      if (read === 0) break;
      done += read;
    }
    return done;
  }
}

/** The header's part lengths, checked: whole non-negative numbers that add up to the bytes after the header. */
export function partLengthsOf(value: unknown, rest: number): PartLengths[] {
  if (!Array.isArray(value)) throw new Error('cache record: no part lengths');
  let total = 0;
  for (const pair of value as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
      throw new Error('cache record: unexpected part lengths');
    }
    total += (pair[0] as number) + (pair[1] as number);
  }
  if (total !== rest) throw new Error(`cache record: the parts hold ${total} bytes, the file ${rest}`);
  return value as PartLengths[];
}

/** The file's text: the header line, then each part's JSON and raw text, whose lengths the header states (ASCII: one byte per character). */
export function assembleCacheFile(header: (parts: PartLengths[]) => string, parts: PartText[]): string {
  const lengths = parts.map((p): PartLengths => [p.json.length, p.raw.length]);
  const text = [header(lengths), '\n'];
  for (const part of parts) text.push(part.json, part.raw);
  return text.join('');
}
