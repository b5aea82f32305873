import type { ApiMethodName } from '../../main/contract/api-contract';
import { API_METHOD_NAMES, API_METHODS, isApiMethodName, RESULT_METHODS, WRITE_METHODS } from '../../main/contract/api-methods';
import { createApiHandlers } from '../../main/service/api-handlers';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from '../service/temp-vault';

describe('the method table', () => {
  let root: string;
  let dataDir: string;
  let service: VaultService;
  beforeAll(async () => {
    root = makeVault({ 'A.md': 'see [[B]]', 'B.md': '# B' });
    dataDir = makeTempDir();
    service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
  });
  afterAll(async () => {
    await service.close();
    [root, dataDir].forEach(removeDir);
  });

  const handlers = () => createApiHandlers(service, { kind: 'browser', readOnly: true, openExternal: () => undefined, dataDir });

  test('names exactly the methods the service handles', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...API_METHOD_NAMES].sort());
  });

  test('says which methods answer with a Result, as the handlers do at runtime', async () => {
    const api = handlers() as unknown as Record<ApiMethodName, (...args: unknown[]) => Promise<unknown>>;
    for (const name of API_METHOD_NAMES) {
      // Arguments of the wrong type: a Result method refuses them with a result, the others answer plainly.
      const answer = await api[name](42, 42, 42);
      const isResult = typeof answer === 'object' && answer !== null && !Array.isArray(answer) && typeof (answer as { ok?: unknown }).ok === 'boolean';
      expect({ name, isResult }).toEqual({ name, isResult: API_METHODS[name].result });
    }
  });

  test('every write method returns a Result, and the derived sets follow the table', () => {
    for (const name of WRITE_METHODS) expect(RESULT_METHODS.has(name)).toBe(true);
    expect(API_METHOD_NAMES.filter((name) => API_METHODS[name].writes)).toEqual([...WRITE_METHODS]);
    expect(API_METHOD_NAMES.filter((name) => API_METHODS[name].result)).toEqual([...RESULT_METHODS]);
  });

  test('isApiMethodName knows the table and nothing on the prototype', () => {
    expect(API_METHOD_NAMES.every(isApiMethodName)).toBe(true);
    expect(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nope'].some(isApiMethodName)).toBe(false);
  });
});
