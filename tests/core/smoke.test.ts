import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { API_METHOD_NAMES } from '../../main/contract/api-methods';

test('remark parses under jest', () => {
  const tree = unified().use(remarkParse).parse('# Hi\n\ntext');
  expect(tree.children[0].type).toBe('heading');
  expect(API_METHOD_NAMES).toContain('readNote');
});
