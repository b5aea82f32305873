/** The real service under jsdom: give it the Node globals jsdom leaves out. Import first. */
import { setImmediate, clearImmediate } from 'node:timers';
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextDecoder, TextEncoder, setImmediate, clearImmediate });
