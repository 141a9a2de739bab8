/** How concept and citation listings name a place in a document. */
import type { TextPlace } from '../../scripts/concepts/model.ts';

const REGION_NAMES: Record<TextPlace['region'], string> = {
  notice: '印发通知',
  preamble: '引言',
  body: '正文',
  footer: '文末',
};

/** "三、（一）4． 推动产业链式集群发展" for a task; "引言（原文第5行）" outside tasks ("正文" for a news article's preamble). */
export function placeLabel(place: TextPlace, options: { withHeading?: boolean; isNews?: boolean } = {}): string {
  if (place.label) return options.withHeading && place.heading ? `${place.label} ${place.heading}` : place.label;
  const region = place.region === 'preamble' && options.isNews ? '正文' : REGION_NAMES[place.region];
  return `${region}（原文第${place.line}行）`;
}
