/**
 * A frozen (kept) answer's JSON is made a slice at a time and kept with it, so a small request
 * is not held behind a big one (main/server/answer-body.ts).
 */
import { answerBody, slicedJson } from '../../main/server/answer-body';
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { request } from 'node:http';
import { eventSource, fakeHandlers, makeStaticDir, raw } from './helpers';

describe('slicedJson', () => {
  test.each([0, 1, 2, 3, 7, 10])('%i items in slices of 3, a turn after each: the text JSON.stringify gives', async (n) => {
    const items = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? null : { i, s: `"${i}"\n`, nested: [i, undefined, { u: undefined }] }));
    expect(await slicedJson(items, 3, 0)).toBe(JSON.stringify(items));
  });

  test('holes and undefined are null, as in the whole', async () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is what is tested
    const items = [1, , undefined, () => 1, 'x'];
    expect(await slicedJson(items, 2, 0)).toBe(JSON.stringify(items));
  });
});

describe('answerBody', () => {
  const big = () => Object.freeze(Array.from({ length: 2_000 }, (_, i) => ({ path: `n${i}.md`, size: i })));

  test('a frozen array: with no time to hold the loop, it turns before the body is ready', async () => {
    const value = big();
    let turned = false;
    setImmediate(() => (turned = true));
    const body = await answerBody(value, 0);
    expect(turned).toBe(true);
    expect(body.toString('utf8')).toBe(JSON.stringify(value));
  });

  test('a frozen array: the same body is given again, without serialising again', async () => {
    let serialised = 0;
    const value = Object.freeze([{ toJSON: () => (serialised++, 'x') }]);
    const first = answerBody(value);
    expect(answerBody(value)).toBe(first);
    expect((await first).toString('utf8')).toBe('["x"]');
    await answerBody(value);
    expect(serialised).toBe(1);
  });

  test('a frozen array that cannot be serialised: the error is given, and not kept', async () => {
    let fail = true;
    const value = Object.freeze([
      {
        toJSON: () => {
          if (fail) throw new Error('no');
          return 1;
        },
      },
    ]);
    await expect(answerBody(value)).rejects.toThrow('no');
    fail = false;
    expect((await answerBody(value)).toString('utf8')).toBe('[1]');
  });

  test('an answer that is not frozen is serialised at once, each time (it may change between calls)', () => {
    const value = [{ a: 1 }];
    const first = answerBody(value);
    expect(Buffer.isBuffer(first)).toBe(true);
    value.push({ a: 2 });
    expect((answerBody(value) as Buffer).toString('utf8')).toBe('[{"a":1},{"a":2}]');
    expect((answerBody(undefined) as Buffer).toString('utf8')).toBe('null');
  });
});

describe('over HTTP', () => {
  let server: BrowserServer;
  let listFilesCalled: () => void;
  const called = new Promise<void>((resolve) => (listFilesCalled = resolve));
  const files = Object.freeze(
    Array.from({ length: 50_000 }, (_, i) => ({ path: `Folder ${i % 10}/Note ${i}.md`, kind: 'note', title: `Note ${i}`, size: i, mtimeMs: i })),
  );

  beforeAll(async () => {
    const { handlers } = fakeHandlers({
      listFiles: async () => {
        listFilesCalled();
        return files;
      },
      getTags: async () => [{ tag: 'a', count: 1 }],
    });
    server = await startBrowserServer({
      handlers,
      subscribe: eventSource().subscribe,
      readOnly: false,
      staticDir: makeStaticDir(),
      token: 't',
      answerTurnMs: 0,
    });
  });
  afterAll(() => server.close());

  const post = (method: string) =>
    raw(server.port, { method: 'POST', path: `/api/${method}`, headers: { origin: `http://127.0.0.1:${server.port}`, 'x-plexus-token': 't' }, body: '[]' });

  /** Resolves when the reply's head arrives: a big body takes many turns to arrive whatever made it. */
  const replyStarts = (method: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${method}`,
          headers: { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}`, 'x-plexus-token': 't' },
        },
        (res) => {
          resolve();
          res.resume();
        },
      );
      req.on('error', reject);
      req.end('[]');
    });

  test('getTags, asked while the big file list is being serialised, is answered before the list', async () => {
    const order: string[] = [];
    const list = replyStarts('listFiles').then(() => order.push('listFiles'));
    await called;
    const tags = replyStarts('getTags').then(() => order.push('getTags'));
    await Promise.all([list, tags]);
    expect(order).toEqual(['getTags', 'listFiles']);
  });

  test('the list arrives whole, and the same a second time', async () => {
    const [listed, again, tagged] = await Promise.all([post('listFiles'), post('listFiles'), post('getTags')]);
    expect(tagged.body).toBe('[{"tag":"a","count":1}]');
    expect(listed.status).toBe(200);
    expect(listed.headers['content-length']).toBe(String(Buffer.byteLength(listed.body)));
    expect(listed.body).toBe(JSON.stringify(files));
    expect(again.body).toBe(listed.body);
  });
});
