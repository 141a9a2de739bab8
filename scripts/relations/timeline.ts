/**
 * The layout of the validity timeline (pure): one bar per document with a stated
 * period, from the day it takes effect to the day it ends (cut where a document
 * of the collection repealed it), against a year axis. Drafts are drawn as
 * outlines, open-ended periods fade out at the axis end. The timeline page
 * renders it as SVG on the server.
 */
import type { Standing, Validity } from './model.ts';

/** A document as the timeline needs it. */
export interface TimelineDocument {
  id: string;
  title: string;
  status: Standing;
  validity: Validity | null;
  /** The day a document of the collection repealed it, if one did. */
  endedOn: string | null;
}

/** One bar. */
export interface TimelineBar {
  id: string;
  title: string;
  /** The title cut to fit the label column. */
  label: string;
  status: Standing;
  y: number;
  x1: number;
  x2: number;
  /** No end stated: the bar runs to the axis end. */
  open: boolean;
  /** No start known (有效期至… in a document whose date is not printed): the bar starts at its end's year. */
  openStart: boolean;
}

/** The whole chart in CSS pixels. */
export interface TimelineLayout {
  width: number;
  height: number;
  labelWidth: number;
  axisTop: number;
  years: Array<{ year: number; x: number }>;
  bars: TimelineBar[];
}

const LABEL_WIDTH = 300;
const YEAR_WIDTH = 110;
const ROW = 24;
const AXIS = 24;
const MARGIN = 8;
const LABEL_EMS = 22;

/** Lays out the bars of the documents that state a start or an end; the rest are left to the table below the chart. */
export function layoutTimeline(documents: readonly TimelineDocument[]): TimelineLayout {
  const dated = documents
    .map((d) => ({ d, from: d.validity?.from ?? (d.validity?.to ? `${d.validity.to.slice(0, 4)}-01-01` : null), to: cut(d.validity?.to ?? null, d.endedOn) }))
    .filter((x): x is { d: TimelineDocument; from: string; to: string | null } => x.from !== null)
    .sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : (a.to ?? '9') < (b.to ?? '9') ? -1 : (a.to ?? '9') > (b.to ?? '9') ? 1 : a.d.id < b.d.id ? -1 : 1,
    );
  const years = dated.flatMap(({ from, to }) => [Number(from.slice(0, 4)), Number((to ?? from).slice(0, 4))]);
  const first = years.length ? Math.min(...years) : 2000;
  const last = years.length ? Math.max(...years) + 1 : 2001;
  const axisStart = LABEL_WIDTH + MARGIN;
  const x = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    const start = Date.UTC(y, 0, 1);
    const share = (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
    return Math.round((axisStart + (y - first + share) * YEAR_WIDTH) * 10) / 10;
  };
  const end = axisStart + (last - first + 1) * YEAR_WIDTH;
  const bars = dated.map(
    ({ d, from, to }, i): TimelineBar => ({
      id: d.id,
      title: d.title,
      label: fit(d.title),
      status: d.status,
      y: AXIS + MARGIN + i * ROW,
      x1: x(from),
      // A bar ends after its last day.
      x2: to ? Math.max(x(from) + 2, x(to) + YEAR_WIDTH / 365) : end,
      open: to === null,
      openStart: !d.validity?.from,
    }),
  );
  return {
    width: end + MARGIN,
    height: AXIS + MARGIN * 2 + bars.length * ROW,
    labelWidth: LABEL_WIDTH,
    axisTop: AXIS,
    // A tick at the start of each year; the axis ends at the start of the year after the last.
    years: Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, x: axisStart + i * YEAR_WIDTH })),
    bars,
  };
}

function cut(to: string | null, endedOn: string | null): string | null {
  if (!endedOn) return to;
  return to === null || endedOn < to ? endedOn : to;
}

/** A title cut to the label column (CJK one em, others half), ending in … when cut. */
function fit(title: string): string {
  let used = 0;
  let out = '';
  for (const ch of title) {
    used += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
    if (used > LABEL_EMS) return `${out}…`;
    out += ch;
  }
  return out;
}
