import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempProject, nodeIsRecent, projectNode, REPO_ROOT } from '../../../scripts/harness/temp-project.ts';

describe('nodeIsRecent', () => {
  it('accepts 22.12 and later, refuses older', () => {
    expect(['22.12.0', '22.13.1', '24.21.0', '30.0.0'].map(nodeIsRecent)).toEqual([true, true, true, true]);
    expect(['20.19.0', '22.11.0', '18.0.0'].map(nodeIsRecent)).toEqual([false, false, false]);
  });
});

describe('makeTempProject', () => {
  it('copies the sources, links node_modules and writes the given seeds only', () => {
    const project = makeTempProject({ seeds: { 'a.txt': '甲', 'b.txt': new Uint8Array([0xff, 0xfe]) }, extraSeeds: { 'c.txt': '丙' } });
    try {
      for (const entry of ['package.json', 'astro.config.mjs', 'scripts/build.ts', 'src', 'content/curated/documents.json']) {
        expect(fs.existsSync(path.join(project.dir, entry)), entry).toBe(true);
      }
      // Packages are linked one by one; Astro's and Vite's caches stay the copy's own.
      expect(fs.lstatSync(path.join(project.dir, 'node_modules/astro')).isSymbolicLink()).toBe(true);
      expect(fs.existsSync(path.join(project.dir, 'node_modules/.astro'))).toBe(false);
      expect(fs.existsSync(path.join(project.dir, 'dist'))).toBe(false);
      expect(fs.readdirSync(path.join(project.dir, 'seeds')).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
      expect([...fs.readFileSync(path.join(project.dir, 'seeds/b.txt'))]).toEqual([0xff, 0xfe]);
    } finally {
      project.cleanup();
    }
    expect(fs.existsSync(project.dir)).toBe(false);
  });

  it("copies the real seeds with 'copy-real', writable", () => {
    const project = makeTempProject({ seeds: 'copy-real' });
    try {
      const names = fs.readdirSync(path.join(project.dir, 'seeds')).sort();
      expect(names).toEqual(fs.readdirSync(path.join(REPO_ROOT, 'seeds')).sort());
      fs.appendFileSync(path.join(project.dir, 'seeds', names[0]), '\n');
    } finally {
      project.cleanup();
    }
  });

  it('refuses a seed name with a folder in it', () => {
    expect(() => makeTempProject({ seeds: { '../escape.txt': 'x' } })).toThrow(/could not create/);
  });

  it("runs the copy's scripts with a Node of at least 22.12 and reports exit status and time", () => {
    expect(fs.existsSync(projectNode())).toBe(true);
    const project = makeTempProject({ seeds: {} });
    try {
      const result = project.run(['-e', 'console.log(process.versions.node); process.exit(3)']);
      expect(result.status).toBe(3);
      expect(nodeIsRecent(result.stdout.trim())).toBe(true);
      expect(result.ms).toBeGreaterThan(0);
    } finally {
      project.cleanup();
    }
  });
});
