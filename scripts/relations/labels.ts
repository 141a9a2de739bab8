/**
 * How a relation reads from each of its two documents: the short label of its
 * badge (落实 / 被落实) and the sentence that spells it out (本文件落实《甲》 /
 * 《乙》落实本文件). Shared by the document pages, the relations page and the open data.
 */
import type { Evidence, RelationKind } from './model.ts';

const INCOMING: Record<RelationKind, string> = {
  依据: '被依据',
  落实: '被落实',
  配套: '配套文件',
  转发: '被转发',
  修订: '被修订',
  替代: '被替代',
  废止: '被废止',
  引用: '被引用',
};

/** The badge of a relation seen from the document that is its subject (outgoing) or its object. */
export function relationLabel(kind: RelationKind, outgoing: boolean): string {
  return outgoing ? kind : INCOMING[kind];
}

/**
 * The relation as a sentence about "this document", in two pieces around the other document's title
 * (written 《…》 between them): 本文件落实|《甲》|, |《乙》|是本文件的配套文件.
 */
export function relationSentence(kind: RelationKind, outgoing: boolean): [string, string] {
  if (kind === '配套') return outgoing ? ['本文件是', '的配套文件'] : ['', '是本文件的配套文件'];
  return outgoing ? [`本文件${kind}`, ''] : ['', `${kind}本文件`];
}

const REGION_NAMES: Record<Evidence['region'], string> = {
  title: '标题',
  notice: '印发通知',
  preamble: '引言',
  body: '正文',
  footer: '文末',
};

/** Where evidence sits, as a reader names it: "三、（二）", "第四十二条", "引言（原文第7行）", "标题". */
export function evidencePlace(evidence: Evidence): string {
  if (evidence.label) return evidence.label;
  return evidence.region === 'title' ? REGION_NAMES.title : `${REGION_NAMES[evidence.region]}（原文第${evidence.line}行）`;
}

/** ASCII names of the kinds, for CSS classes and URLs. */
export const RELATION_SLUGS: Record<RelationKind, string> = {
  依据: 'yiju',
  落实: 'luoshi',
  配套: 'peitao',
  转发: 'zhuanfa',
  修订: 'xiuding',
  替代: 'tidai',
  废止: 'feizhi',
  引用: 'yinyong',
};
