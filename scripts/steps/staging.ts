/**
 * Where a build writes, and how its output is published. Every output (Astro's pages, the open data,
 * feeds, search index, Pagefind's bundle, the offline copy and its zip) is written under .build/staging/;
 * only when every step has succeeded are the staged dist/ and dist-offline/ renamed into place, so a build
 * that fails or is killed leaves the published site exactly as it was.
 *
 * The published folders replaced by a build are moved into .build/trash/ (one rename each) and deleted by
 * the next build in the background while it ingests, rather than on the critical path at the end (deleting
 * a 2,000-document site with its zip takes 3.6 s).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The build's own folder beside the sources (git-ignored): staging, trash and caches. */
export const BUILD_DIR = '.build';
/** Where a build writes everything before it is published. */
export const STAGING_DIR = path.join(BUILD_DIR, 'staging');
/** Previous outputs waiting to be deleted. */
export const TRASH_DIR = path.join(BUILD_DIR, 'trash');

/** The published site and offline copy, and where each is staged. */
export const SITE_DIR = 'dist';
export const OFFLINE_DIR = 'dist-offline';
/** Astro's outDir (astro.config.mjs): the staged site. */
export const STAGED_SITE = path.join(STAGING_DIR, SITE_DIR);
export const STAGED_OFFLINE = path.join(STAGING_DIR, OFFLINE_DIR);
/** Steps that run beside Astro (open data, search index, Pagefind) write here, as Astro empties its outDir first. */
export const STAGED_PARTS = path.join(STAGING_DIR, 'parts');

/** Published folder → its staged counterpart, in the order they are published. */
const PUBLISHED: ReadonlyArray<readonly [published: string, staged: string]> = [
  [SITE_DIR, STAGED_SITE],
  [OFFLINE_DIR, STAGED_OFFLINE],
];

/**
 * Moves what an unfinished build left in staging and the outputs a previous build replaced into the
 * trash, and starts deleting the trash; resolves when it is gone. `root` is the project folder.
 * The newest offline copy in the trash is kept back as the start of this build's staged copy (linkPublished).
 */
export function prepareStaging(root = '.'): Promise<void> {
  const trash = path.join(root, TRASH_DIR);
  const staging = path.join(root, STAGING_DIR);
  if (fs.existsSync(staging)) {
    fs.mkdirSync(trash, { recursive: true });
    fs.renameSync(staging, path.join(trash, `staging-${process.pid}-${Date.now()}`));
  }
  fs.mkdirSync(staging, { recursive: true });
  const recycled = newestReplaced(trash, OFFLINE_DIR);
  if (recycled) fs.renameSync(recycled, path.join(root, STAGED_OFFLINE));
  return fs.promises.rm(trash, { recursive: true, force: true });
}

/** The folder in the trash that `published` was most recently replaced by (publishStaged names it `<published>-<pid>-<time>`). */
function newestReplaced(trash: string, published: string): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(trash);
  } catch {
    return undefined;
  }
  const stampedName = new RegExp(`^${published}-\\d+-(\\d+)$`);
  const stamped = names
    .map((name) => ({ name, time: stampedName.exec(name)?.[1] }))
    .filter((x): x is { name: string; time: string } => x.time !== undefined)
    .sort((a, b) => Number(b.time) - Number(a.time));
  return stamped[0] && path.join(trash, stamped[0].name);
}

/**
 * Publishes the staged dist/ and dist-offline/: each published folder is moved into the trash and its
 * staged counterpart renamed into its place. Synchronous, so no signal handler runs half way through.
 */
export function publishStaged(root = '.'): void {
  const trash = path.join(root, TRASH_DIR);
  for (const [, staged] of PUBLISHED) {
    if (!fs.existsSync(path.join(root, staged))) throw new Error(`build: ${staged}/ is missing, so there is nothing to publish`);
  }
  fs.mkdirSync(trash, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  for (const [published, staged] of PUBLISHED) {
    const target = path.join(root, published);
    if (fs.existsSync(target)) fs.renameSync(target, path.join(trash, `${published}-${stamp}`));
    fs.renameSync(path.join(root, staged), target);
  }
  // What is left (the emptied folders of the steps that ran beside Astro) is of no use.
  fs.rmSync(path.join(root, STAGING_DIR), { recursive: true, force: true });
}

/**
 * Fills `staged` with hard links to the files of the published folder `published`, so a step that
 * updates its output in place (the offline copy compares each file and writes only what changed) starts
 * from the previous build without copying it. Safe only for writers that replace a file rather than write
 * into it (scripts/offline/copy-writer.ts unlinks first): the published files must never change.
 * `staged` may already hold an older copy (prepareStaging keeps the one the published copy replaced): it is
 * made the same as `published`, keeping its folders and every file that is already a link to the published
 * one, so a build makes no folder and few links. Made anew, the copy's folders (4,951 at 2,019 documents)
 * were new inodes on every build, and the old ones freed; on a file system without a journal a new inode
 * costs a scan past every recently freed one (README, Incremental builds).
 * What the older copy holds that the published one does not (files rewritten since, folders and files gone) is
 * moved into `setAside` when given, a folder for the trash, rather than deleted: freeing those inodes (and their
 * blocks) is then the next build's background deletion, not this step's, which runs after Astro on the path to
 * the published site.
 * Returns how many files were linked or kept.
 */
export function linkPublished(published: string, staged: string, setAside?: string): number {
  if (!fs.existsSync(published)) {
    fs.rmSync(staged, { recursive: true, force: true });
    return 0;
  }
  const entries = fs.readdirSync(published, { recursive: true, withFileTypes: true });
  // Site-relative path → whether it is a folder.
  const wanted = new Map<string, boolean>();
  for (const entry of entries) {
    if (entry.isDirectory() || entry.isFile()) wanted.set(path.relative(published, path.join(entry.parentPath, entry.name)), entry.isDirectory());
  }
  let asideCount = 0;
  const remove = (full: string) => {
    if (!setAside) return fs.rmSync(full, { recursive: true, force: true });
    if (asideCount === 0) fs.mkdirSync(setAside, { recursive: true });
    fs.renameSync(full, path.join(setAside, String(asideCount++)));
  };
  if (fs.existsSync(staged)) removeUnwanted(staged, wanted, remove);
  let linked = 0;
  // Each folder is made once: a recursive mkdir per file cost 2.1 s for the 13,063 files at 2,019 documents.
  const made = new Set<string>();
  const folder = (dir: string) => {
    if (made.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  for (const [rel, isFolder] of wanted) {
    const from = path.join(published, rel);
    const to = path.join(staged, rel);
    if (isFolder) {
      folder(to);
      continue;
    }
    folder(path.dirname(to));
    const there = fs.lstatSync(to, { throwIfNoEntry: false });
    if (there) {
      if (there.ino === fs.statSync(from).ino) {
        linked++;
        continue;
      }
      remove(to);
    }
    fs.linkSync(from, to);
    linked++;
  }
  return linked;
}

/**
 * Removes from `staged` (with `remove`) every entry that `wanted` does not hold as the same kind (folder or file),
 * `rel` being the folder walked; a removed folder goes whole, and only kept folders are walked into.
 */
function removeUnwanted(staged: string, wanted: ReadonlyMap<string, boolean>, remove: (full: string) => void, rel = ''): void {
  for (const entry of fs.readdirSync(path.join(staged, rel), { withFileTypes: true })) {
    const entryRel = path.join(rel, entry.name);
    const isFolder = wanted.get(entryRel);
    if (isFolder === true && entry.isDirectory()) removeUnwanted(staged, wanted, remove, entryRel);
    else if (!(isFolder === false && entry.isFile())) remove(path.join(staged, entryRel));
  }
}
