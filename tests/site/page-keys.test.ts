/**
 * The pages' cache keys (src/lib/page-keys.ts) against the data the build wrote: a document page's key
 * follows what its concept panel shows (whether other documents use a concept), not how many do, so adding a
 * document that uses a concept leaves the pages of the other documents that use it as they were; the keys
 * that read a file beside the data by its digest (a concept's mentions, a document's 相似任务 lists) follow it.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conceptPageKey, documentPageKey } from '../../src/lib/page-keys.ts';
import { conceptsData, conceptsInDocument } from '../../src/lib/concepts-data.ts';
import { compareData } from '../../src/lib/compare-data.ts';
import { documentById } from '../../src/lib/site-data.ts';

const built = ['concepts.json', 'site.json', 'compare.json'].every((file) => fs.existsSync(`content/generated/${file}`));

describe.skipIf(!built)('a document page key', () => {
  // A concept three or more documents use, and one of them.
  const concept = conceptsData().concepts.find((c) => c.documents.length >= 3)!;
  const docId = concept.documents[0].document;
  const original = [...concept.documents];

  it('stays the same when another document starts using one of its concepts', () => {
    expect(conceptsInDocument(docId).some((x) => x.concept === concept)).toBe(true);
    const before = documentPageKey(docId, 'entry');
    concept.documents.push({ document: 'another-document', mentions: 2, firstAnchor: 'p_1' });
    try {
      expect(documentPageKey(docId, 'entry')).toBe(before);
    } finally {
      concept.documents.splice(0, concept.documents.length, ...original);
    }
  });

  it('changes when the concept is no longer used by any other document (the panel then says 仅见于本文)', () => {
    const before = documentPageKey(docId, 'entry');
    concept.documents.splice(0, concept.documents.length, original[0]);
    try {
      expect(documentPageKey(docId, 'entry')).not.toBe(before);
    } finally {
      concept.documents.splice(0, concept.documents.length, ...original);
    }
  });
});

describe.skipIf(!built)('a concept page key', () => {
  it('follows the digest of the concept’s mentions file, which it reads instead of the mentions', () => {
    const concept = conceptsData().concepts.find((c) => c.mentions > 0)!;
    const ref = conceptsData().occurrences[concept.id];
    const before = conceptPageKey(concept.id, 'entry');
    const digest = ref.digest;
    ref.digest = '0'.repeat(64);
    try {
      expect(conceptPageKey(concept.id, 'entry')).not.toBe(before);
    } finally {
      ref.digest = digest;
    }
    expect(conceptPageKey(concept.id, 'entry')).toBe(before);
  });
});

describe.skipIf(!built)('a document page key, for its 相似任务 lists', () => {
  it('follows the digest of the document’s lists file and the titles of the documents they name', () => {
    const [id, ref] = Object.entries(compareData().similar).find(([, r]) => r.others.length > 0)!;
    const before = documentPageKey(id, 'entry');
    const digest = ref.digest;
    ref.digest = '0'.repeat(64);
    try {
      expect(documentPageKey(id, 'entry')).not.toBe(before);
    } finally {
      ref.digest = digest;
    }
    const other = documentById(ref.others[0]);
    const title = other.meta.title.value;
    other.meta.title.value = `${title}（修订）`;
    try {
      expect(documentPageKey(id, 'entry')).not.toBe(before);
    } finally {
      other.meta.title.value = title;
    }
    expect(documentPageKey(id, 'entry')).toBe(before);
  });
});
