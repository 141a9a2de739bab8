/**
 * Tasks as plain text: the unit that similarity, alignment and the similar-task
 * lists work on. A task's text includes its nested points and tables, because
 * a reader comparing two tasks compares everything under the heading.
 */
import type { Block, PolicyDocument } from '../ingest/model.ts';
import { tasksOf, taskUnits } from '../../shared/document/tasks.ts';
import type { TaskText } from '../../shared/compare/model.ts';

/** The logical lines of blocks: paragraphs, headed sub-provisions, table rows. */
export function blockLines(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') lines.push(b.text);
    else if (b.type === 'table')
      lines.push(
        ...b.rows.map((row) =>
          row
            .map((c) => c.text)
            .filter(Boolean)
            .join(' '),
        ),
      );
    else if (b.type === 'box') lines.push(`${b.marker} ${b.title}`.trim(), ...blockLines(b.children));
    else {
      const lead = b.marker + b.title + b.titleSep;
      const rest = blockLines(b.children);
      // A point's text usually follows its marker on the same line: keep it one line.
      if (rest.length > 0 && b.title === '') lines.push(lead + rest[0], ...rest.slice(1));
      else lines.push(lead, ...rest);
    }
  }
  return lines.filter((l) => l !== '');
}

/** The tasks of a document (or of a copy's parsed body) as TaskText, in reading order. */
export function tasksAsText(docId: string, body: Block[]): TaskText[] {
  return tasksOf(body).map((p, index) => {
    return {
      doc: docId,
      index,
      eid: p.eid,
      label: p.label,
      title: p.title,
      text: blockLines(p.children).join('\n'),
      units: taskUnits(p).map((u) => u.name),
    };
  });
}

/** Tasks of every document, keyed by document id. */
export function corpusTasks(documents: PolicyDocument[]): Map<string, TaskText[]> {
  return new Map(documents.map((d) => [d.id, tasksAsText(d.id, d.body)]));
}
