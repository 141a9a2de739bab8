/**
 * Stage 4 helper: parses the attachments printed after a document (附件1, 附录2 …)
 * like a body of their own and anchors them under att_N, so that their 一、（一）
 * never continue the document's numbering and their items are never its tasks.
 */
import type { Attachment, Block, Diagnostic } from './model.ts';
import type { AttachmentLines } from './closing.ts';
import { parseBody } from './hierarchy.ts';
import { assignAnchors } from './anchors.ts';
import { chineseToInt } from './rules.ts';
import { walkBlocks } from '../../shared/document/walk.ts';

/** Attachments parsed and anchored, with what the parser noticed. */
export interface ParsedAttachments {
  attachments: Attachment[];
  diagnostics: Diagnostic[];
}

/** Parses each attachment's lines; eIds are att_<number as printed, or position> and everything inside is scoped by it. */
export function parseAttachments(file: string, list: AttachmentLines[]): ParsedAttachments {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  const attachments = list.map((a, index) => {
    const parsed = parseBody(file, a.lines);
    const anchored = assignAnchors([...parsed.preamble, ...parsed.body], file);
    diagnostics.push(...parsed.diagnostics, ...anchored.diagnostics);
    const printed = /(\d+|[一二三四五六七八九十]+)[：:\s]*$/.exec(a.marker.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))?.[1];
    let eid = `att_${printed === undefined ? index + 1 : chineseToInt(printed)}`;
    for (let n = 2; used.has(eid); n++) eid = `att_${index + 1}_${n}`;
    used.add(eid);
    const body = anchored.body;
    scope(body, eid, `${a.marker.replace(/[：:\s]+$/, '')} `);
    const all = [...a.heading, ...a.lines];
    return {
      marker: a.marker,
      title: a.title,
      eid,
      body,
      lineStart: all[0].lineStart,
      lineEnd: all[all.length - 1].lineEnd,
    } satisfies Attachment;
  });
  return { attachments, diagnostics };
}

/** Prefixes every anchor and label inside an attachment, and clears task flags. */
function scope(blocks: Block[], eid: string, label: string): void {
  walkBlocks(blocks, (block) => {
    if (block.type === 'provision') {
      block.eid = `${eid}__${block.eid}`;
      block.label = `${label}${block.label}`;
      block.isTask = false;
    } else if (block.type === 'box') block.eid = `${eid}__${block.eid}`;
  });
}
