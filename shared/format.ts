/** Formatting helpers for Chinese UI text. */

/** "2024-10-24" → "2024年10月24日"; other strings are returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
