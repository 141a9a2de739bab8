import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, importsOf } from './imports.ts';
import { STAGE_TABLE, stageOf } from './stages.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The folders of code; data folders (fixtures, the corpus) hold no imports of ours. */
const CODE_ROOTS = ['scripts', 'shared', 'src', 'tests'];
const SKIP = ['tests/fixtures', 'tests/corpus'];

function codeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (SKIP.includes(dir)) return;
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.(ts|mts|mjs|js|astro)$/.test(e.name)) files.set(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'));
    }
  };
  for (const root of CODE_ROOTS) walk(root);
  return files;
}

describe('import direction', () => {
  const files = codeFiles();

  it('finds no import that runs against the pipeline, into tests/, from scripts/ into src/ or from browser code into build code', () => {
    expect(checkFiles(files).map((v) => v.message)).toEqual([]);
  });

  it('has a stage table entry for every folder of scripts/, shared/ and src/', () => {
    const folders = new Set([...files.keys()].map((f) => path.posix.dirname(f)).filter((d) => !d.startsWith('tests') && !d.startsWith('src/pages/')));
    const missing = [...folders].filter((d) => !STAGE_TABLE.some((e) => e.folder === d)).sort();
    expect(missing).toEqual([]);
  });

  it('reads the imports of the whole tree (every file with an import is seen to have one)', () => {
    const withImports = [...files].filter(([, text]) => /^import /m.test(text)).length;
    const parsed = [...files].filter(([file, text]) => importsOf(file, text).length > 0).length;
    expect(parsed).toBe(withImports);
    expect(files.size).toBeGreaterThan(300);
  });
});

describe('the import checker', () => {
  it('catches an ingest module importing the site stage', () => {
    const pair = new Map([
      ['scripts/ingest/metadata.ts', "import { slugify } from '../site/slug.ts';\n"],
      ['scripts/site/slug.ts', 'export function slugify() {}\n'],
    ]);
    expect(checkFiles(pair).map((v) => v.message)).toEqual([
      'scripts/ingest/metadata.ts:1 → scripts/site/slug.ts: ingest (scripts/ingest) may not import later stage site (scripts/site)',
    ]);
  });

  it('catches a page component importing a build step, even for a type only', () => {
    const astro = "---\nimport type { CompareData } from '../../scripts/steps/compare-step.ts';\n---\n<p />\n";
    expect(checkFiles(new Map([['src/components/SimilarTasks.astro', astro]])).map((v) => v.message)).toEqual([
      'src/components/SimilarTasks.astro:2 → scripts/steps/compare-step.ts: Astro (src/components) may not import later stage build steps (scripts/steps)',
    ]);
  });

  it('catches the benchmark importing test support, a build script importing src/ and a browser script running build code', () => {
    const files = new Map([
      ['scripts/bench/search.ts', "export { makeTempProject } from '../../tests/support/temp-project.ts';\n"],
      ['scripts/steps/concepts-step.ts', "const m = await import('../../src/lib/site-data.ts');\n"],
      [
        'src/scripts/compare.ts',
        "import type { PolicyDocument } from '../../scripts/ingest/model.ts';\nimport { documentTasks } from '../../scripts/compare/tasks.ts';\n",
      ],
    ]);
    expect(checkFiles(files).map((v) => v.message)).toEqual([
      'scripts/bench/search.ts:1 → tests/support/temp-project.ts: nothing outside tests/ may import tests/',
      'scripts/steps/concepts-step.ts:1 → src/lib/site-data.ts: build code under scripts/ may not import src/; move what both need to shared/',
      'src/scripts/compare.ts:2 → scripts/compare/tasks.ts: browser code (src/scripts) may not run build-only code (scripts/compare); import it with `import type` or move it to shared/',
    ]);
  });

  it('allows imports of the same or an earlier stage', () => {
    const files = new Map([
      ['scripts/site/mdx-tree.ts', "import type { Block } from '../ingest/model.ts';\nimport { paths } from '../urls/paths.ts';\n"],
      ['src/scripts/search/main.ts', "import { search } from '../../../shared/search/engine.ts';\n"],
    ]);
    expect(checkFiles(files)).toEqual([]);
  });

  it('reads static, re-export, side-effect and dynamic imports, and skips strings, comments and templates', () => {
    const code = [
      "import a from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "import './d.css';",
      'const e = await import("./e.ts");',
      "// import x from './not-a.ts';",
      "const page = `import y from './not-b.ts';`;",
      'const text = "import z from \'./not-c.ts\'";',
      "const re = /['\"]/g; import {\n  f,\n  type G,\n} from './f.ts';",
    ].join('\n');
    expect(importsOf('x.ts', code)).toEqual([
      { specifier: './a.ts', typeOnly: false, line: 1 },
      { specifier: './b.ts', typeOnly: true, line: 2 },
      { specifier: './c.ts', typeOnly: false, line: 3 },
      { specifier: './d.css', typeOnly: false, line: 4 },
      { specifier: './e.ts', typeOnly: false, line: 5 },
      { specifier: './f.ts', typeOnly: false, line: 9 },
    ]);
  });

  it('reads the frontmatter and the script blocks of an .astro file', () => {
    const astro =
      "---\nimport Base from '../layouts/Base.astro';\n---\n<Base>\n<p>import nothing from here</p>\n</Base>\n<script>\n  import '../scripts/page.ts';\n</script>\n";
    expect(importsOf('src/pages/x.astro', astro).map((r) => [r.specifier, r.line])).toEqual([
      ['../layouts/Base.astro', 2],
      ['../scripts/page.ts', 8],
    ]);
  });

  it('places a file in its longest folder', () => {
    expect(stageOf('scripts/site/remark/remark-safe-text.ts')?.folder).toBe('scripts/site/remark');
    expect(stageOf('scripts/build.ts')?.stage).toBe('tools');
    expect(stageOf('src/pages/docs/[id]/index.astro')?.stage).toBe('Astro');
  });
});
