/**
 * Carries structured-clone values across the page binding, which only speaks JSON. Both sides
 * first clone for real (the page with structuredClone, Node with v8.serialize), so a value
 * Electron's IPC would reject (a function, a symbol, a DOM node, a Promise) fails before it is
 * encoded; this codec then only has to represent what survived a clone. Used in the page and in
 * Node, so it depends on neither.
 */
export type Encoded =
  | null
  | boolean
  | string
  | { t: 'undefined' }
  | { t: 'number'; v: string }
  | { t: 'bigint'; v: string }
  | { t: 'array'; v: Encoded[] }
  | { t: 'object'; v: [string, Encoded][] }
  | { t: 'date'; v: number }
  | { t: 'regexp'; source: string; flags: string }
  | { t: 'map'; v: [Encoded, Encoded][] }
  | { t: 'set'; v: Encoded[] }
  | { t: 'bytes'; kind: string; v: number[] }
  | { t: 'error'; name: string; message: string; stack: string };

const TYPED = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

export function encodeCloned(value: unknown, seen: Set<object> = new Set()): Encoded {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value === undefined) return { t: 'undefined' };
  if (typeof value === 'number') return { t: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value === 'bigint') return { t: 'bigint', v: value.toString() };
  if (typeof value !== 'object') throw new Error(`clone-codec: ${typeof value} survived a clone`);
  // Structured clone keeps cycles; nothing Plexus sends has one, so say so rather than hang.
  if (seen.has(value)) throw new Error('clone-codec: cyclic values are not supported by the shim');
  seen.add(value);
  try {
    if (Array.isArray(value)) return { t: 'array', v: value.map((item) => encodeCloned(item, seen)) };
    if (value instanceof Date) return { t: 'date', v: value.getTime() };
    if (value instanceof RegExp) return { t: 'regexp', source: value.source, flags: value.flags };
    if (value instanceof Map) return { t: 'map', v: [...value].map(([k, v]) => [encodeCloned(k, seen), encodeCloned(v, seen)]) };
    if (value instanceof Set) return { t: 'set', v: [...value].map((item) => encodeCloned(item, seen)) };
    if (value instanceof ArrayBuffer) return { t: 'bytes', kind: 'ArrayBuffer', v: [...new Uint8Array(value)] };
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      // A Node Buffer arrives in the renderer as a Uint8Array, as it does over Electron's IPC.
      const kind = TYPED.includes(value.constructor.name) ? value.constructor.name : 'Uint8Array';
      return { t: 'bytes', kind, v: [...bytes] };
    }
    if (value instanceof Error) return { t: 'error', name: value.name, message: value.message, stack: value.stack ?? '' };
    return { t: 'object', v: Object.entries(value).map(([k, v]) => [k, encodeCloned(v, seen)]) };
  } finally {
    seen.delete(value);
  }
}

export function decodeCloned(encoded: Encoded): unknown {
  if (encoded === null || typeof encoded === 'boolean' || typeof encoded === 'string') return encoded;
  switch (encoded.t) {
    case 'undefined':
      return undefined;
    case 'number':
      return encoded.v === '-0' ? -0 : Number(encoded.v);
    case 'bigint':
      return BigInt(encoded.v);
    case 'array':
      return encoded.v.map(decodeCloned);
    case 'object':
      return Object.fromEntries(encoded.v.map(([k, v]) => [k, decodeCloned(v)]));
    case 'date':
      return new Date(encoded.v);
    case 'regexp':
      return new RegExp(encoded.source, encoded.flags);
    case 'map':
      return new Map(encoded.v.map(([k, v]) => [decodeCloned(k), decodeCloned(v)]));
    case 'set':
      return new Set(encoded.v.map(decodeCloned));
    case 'bytes': {
      const bytes = Uint8Array.from(encoded.v);
      if (encoded.kind === 'ArrayBuffer') return bytes.buffer;
      const Ctor = (globalThis as unknown as Record<string, new (buffer: ArrayBuffer) => unknown>)[encoded.kind];
      return new Ctor(bytes.buffer);
    }
    case 'error': {
      const error = new Error(encoded.message);
      error.name = encoded.name;
      error.stack = encoded.stack;
      return error;
    }
  }
}
