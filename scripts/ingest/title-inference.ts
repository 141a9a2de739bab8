/**
 * A title for a document whose copy lost its title line, from what the text
 * says about itself. Official documents state their subject where they say
 * what they are: "现就大力发展智能船舶制定本行动计划", "为贯彻落实…关于加强数字政府
 * 建设的重大决策部署，现提出以下意见", "为加快煤矿智能化建设，…，制定本办法". The title
 * is put together as a reader would ("关于大力发展智能船舶的行动计划") and is always
 * shown as inferred (原文无标题，据正文拟定); where the text states no subject,
 * there is no inferred title.
 */
import { selfReferenceWord } from './kinds.ts';
import { ASIDE, AIM, IMPLEMENTING, INFERENCE_RULES } from './rules/titles.ts';

/** An inferred title and the line of the sentence it came from. */
export interface InferredTitle {
  title: string;
  line: number;
}

/** A paragraph to look in, with its line. */
export interface TextAt {
  text: string;
  line: number;
}

/** A subject longer than this is a paragraph, not a title. */
const MAX_SUBJECT = 40;

/** The title the text states for itself, from its first paragraphs; undefined when it states none. */
export function inferTitle(paragraphs: TextAt[]): InferredTitle | undefined {
  for (const { text, line } of paragraphs) {
    const stated = INFERENCE_RULES.statedSubject.exec(text) ?? INFERENCE_RULES.implementedSubject.exec(text);
    if (stated) return { title: compose(stated[1], stated[2]), line };
    const purpose = INFERENCE_RULES.purpose.exec(text);
    if (purpose) {
      const aim = purpose[1]
        .split(/[，,]/)
        .map((clause) => clause.replace(ASIDE, '').trim())
        .find((clause) => !IMPLEMENTING.test(clause) && AIM.test(clause) && clause.length <= MAX_SUBJECT);
      if (aim) return { title: compose(aim, purpose[2]), line };
    }
  }
  return undefined;
}

/** "关于" + subject + "的" + kind, as titles are written; the kind word as the text prints it. */
function compose(subject: string, kind: string): string {
  const word = selfReferenceWord(`本${kind}`) ?? kind;
  return `关于${subject.replace(/\s+/g, '')}的${word}`;
}
