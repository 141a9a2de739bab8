/** How pages name an original file: its format in words and its size. */
import type { DocumentFormat } from '../../scripts/ingest/formats/model.ts';

/** The format of an original file, as a reader names it. */
export const FORMAT_NAMES: Readonly<Record<DocumentFormat, string>> = { txt: '文本', pdf: 'PDF', docx: 'Word', html: '网页' };

/** A file size in KB or MB, as shown beside a download link. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
