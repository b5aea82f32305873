/**
 * A frozen (kept) answer's JSON is kept with it (main/server/answer-body.ts): a reload is not
 * answered by serialising the big answers again; anything else is serialised each time.
 */
import { answerBody } from '../../main/server/answer-body';
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { eventSource, fakeHandlers, makeStaticDir, raw } from './helpers';

/** A frozen answer whose serialisations are counted. */
function counted(value: string): { answer: readonly unknown[]; count: () => number } {
  let serialised = 0;
  return { answer: Object.freeze([{ toJSON: () => (serialised++, value) }]), count: () => serialised };
}

describe('answerBody', () => {
  test('a frozen array: the same bytes are given again, serialised once', () => {
    const { answer, count } = counted('x');
    const first = answerBody(answer);
    expect(answerBody(answer)).toBe(first);
    expect(first.toString('utf8')).toBe('["x"]');
    expect(count()).toBe(1);
  });

  test('a frozen array that cannot be serialised: the error is thrown, and nothing is kept', () => {
    let fail = true;
    const answer = Object.freeze([
      {
        toJSON: () => {
          if (fail) throw new Error('no');
          return 1;
        },
      },
    ]);
    expect(() => answerBody(answer)).toThrow('no');
    fail = false;
    expect(answerBody(answer).toString('utf8')).toBe('[1]');
  });

  test('an answer that is not frozen is serialised each time (it may change between calls)', () => {
    const value = [{ a: 1 }];
    expect(answerBody(value).toString('utf8')).toBe('[{"a":1}]');
    value.push({ a: 2 });
    expect(answerBody(value).toString('utf8')).toBe('[{"a":1},{"a":2}]');
    expect(answerBody(undefined).toString('utf8')).toBe('null');
    expect(answerBody(Object.freeze({ ok: true })).toString('utf8')).toBe('{"ok":true}');
  });
});

describe('over HTTP', () => {
  let server: BrowserServer;
  let files = counted('first');

  beforeAll(async () => {
    const { handlers } = fakeHandlers({ listFiles: async () => files.answer });
    server = await startBrowserServer({ handlers, subscribe: eventSource().subscribe, readOnly: false, staticDir: makeStaticDir(), token: 't' });
  });
  afterAll(() => server.close());

  const listFiles = () =>
    raw(server.port, { method: 'POST', path: '/api/listFiles', headers: { origin: `http://127.0.0.1:${server.port}`, 'x-plexus-token': 't' }, body: '[]' });

  test('the kept answer is served twice from one serialisation; a new answer (the vault changed) is served at once', async () => {
    const [one, two] = [await listFiles(), await listFiles()];
    expect([one.body, two.body]).toEqual(['["first"]', '["first"]']);
    expect(one.headers['content-length']).toBe('9');
    expect(files.count()).toBe(1);
    files = counted('second');
    expect((await listFiles()).body).toBe('["second"]');
  });
});
