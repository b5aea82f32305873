import { frontmatterBody, locateFrontmatter } from '../../../main/core/parse/frontmatter-bounds';
import { scanFrontmatter } from '../../../main/core/parse/frontmatter';

describe('frontmatter bounds (no YAML parsing)', () => {
  test('the body starts on the line after the closing ---, CRLF and a BOM included', () => {
    expect(frontmatterBody('---\ntags: [a]\n---\n# Title\n')).toEqual({ bodyStart: 18, bodyLine: 4 });
    expect(frontmatterBody('\ufeff---\r\na: 1\r\n---\r\nbody')).toEqual({ bodyStart: 17, bodyLine: 4 });
    expect(locateFrontmatter('---\na: 1\n---\n', 0)).toEqual({ yamlStart: 4, yamlEnd: 9, bodyStart: 13, bodyLine: 4 });
  });

  test('no frontmatter, or one never closed: the body is the whole note', () => {
    expect(frontmatterBody('# Title\n---\n')).toEqual({ bodyStart: 0, bodyLine: 1 });
    expect(frontmatterBody('---\na: 1\nno end\n')).toEqual({ bodyStart: 0, bodyLine: 1 });
    expect(frontmatterBody('\ufeffplain')).toEqual({ bodyStart: 1, bodyLine: 1 });
  });

  test('agrees with the full frontmatter scan on where the body starts', () => {
    for (const text of ['---\ntitle: x\n---\nbody', '---\n---\n', 'no front', '---\nkey: [a, b]\nlist:\n  - c\n---\n\ntext\n']) {
      const scan = scanFrontmatter(text, 0);
      expect([text, frontmatterBody(text)]).toEqual([text, { bodyStart: scan.bodyStart, bodyLine: scan.bodyLine }]);
    }
  });
});
