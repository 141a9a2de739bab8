/** Groups documents into a tree by their region path (山东省 › 济南市 › 市中区). */
import type { DocumentHead } from '../../scripts/site/site-model.ts';

export interface RegionNode {
  name: string;
  path: string[];
  /** Documents whose region ends exactly here. */
  documents: DocumentHead[];
  children: RegionNode[];
  /** Documents here and below. */
  count: number;
}

const byDateDesc = (a: DocumentHead, b: DocumentHead) => (b.meta.date.value ?? '').localeCompare(a.meta.date.value ?? '') || a.id.localeCompare(b.id);

/** Builds the region tree; documents with no region go under "地区未注明". */
export function regionTree(documents: DocumentHead[]): RegionNode[] {
  const root: RegionNode = { name: '', path: [], documents: [], children: [], count: 0 };
  for (const doc of documents) {
    const path = doc.meta.region.value.length > 0 ? doc.meta.region.value : ['地区未注明'];
    let node = root;
    for (const [i, name] of path.entries()) {
      let child = node.children.find((c) => c.name === name);
      if (!child) {
        child = { name, path: path.slice(0, i + 1), documents: [], children: [], count: 0 };
        node.children.push(child);
      }
      child.count++;
      node = child;
    }
    node.documents.push(doc);
  }
  const sort = (node: RegionNode) => {
    node.documents.sort(byDateDesc);
    node.children.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}
