/**
 * Clears the way for a new build without waiting for the old one to be deleted. Astro empties
 * dist/ itself before it builds, synchronously and on the build's critical path (3.6 s for a
 * 2,000-document site, with its open data, search index and zip). Moving the previous build aside
 * is one rename; deleting it then runs in the background while the new build is made.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Where previous builds wait to be deleted (beside the site, on the same disk, so a rename suffices). */
export const TRASH_DIR = '.build-trash';

/**
 * Moves `siteDir` into the trash and starts deleting the trash (also what a crashed build left
 * there); resolves when it is gone. Does nothing to the trash's contents but delete them.
 */
export function setAsidePreviousBuild(siteDir: string, trashDir = TRASH_DIR): Promise<void> {
  if (fs.existsSync(siteDir)) {
    fs.mkdirSync(trashDir, { recursive: true });
    fs.renameSync(siteDir, path.join(trashDir, `${path.basename(siteDir)}-${process.pid}-${Date.now()}`));
  }
  return fs.promises.rm(trashDir, { recursive: true, force: true });
}
