/**
 * Rules for inferring a title from what a text says about itself ("现就X制定本行动计划", "为A，制定本方案"):
 * where the subject is stated, and which purpose clauses name an aim. Each under a purpose name (the habit
 * of marked's rules file); title-inference.ts applies them.
 */
import { kindWordsPattern, SELF_REFERENCE_WORDS } from '../../../shared/document/kind-words.ts';

/** Kind words a self-reference may end in ("制定本行动计划", "提出如下意见"). */
const KIND = kindWordsPattern(SELF_REFERENCE_WORDS);

/** Title-inference rules, each under its purpose name. */
export const INFERENCE_RULES = {
  /** "现就X制定本行动计划" / "现就X提出如下意见": the subject is stated outright. */
  statedSubject: new RegExp(`(?:现|特)?就(.{2,40}?)(?:问题)?(?:，|,)?(?:特|现)?(?:制定|制订|提出|印发)(?:本|如下|以下)(${KIND})`),
  /** "…关于X的(重大)决策部署，现提出以下意见": the subject of the policy implemented, right before the self-reference. */
  implementedSubject: new RegExp(
    `关于([^，。,；]{2,30}?)的(?:重大|重要)?(?:决策部署|战略部署|工作部署|部署要求|重要指示精神|重要论述)[，,]\\s*(?:现|特)?(?:制定|制订|提出)(?:本|如下|以下)(${KIND})`,
  ),
  /** "为A，B，C，制定本方案": the purpose clauses before the self-reference. */
  purpose: new RegExp(
    `(?:^|[。；，,\n])\\s*(?:第[一二三四五六七八九十]+条\\s*)?为(?:了)?([^。；]{2,300}?)[，,]\\s*(?:结合[^，,。]{1,20}实际[，,]\\s*)?(?:现|特)?(?:制定|制订|提出)(?:本|如下|以下)(${KIND})`,
  ),
} as const;

/** A purpose clause that names what the document implements, not what it is about. */
export const IMPLEMENTING =
  /^(?:深入|认真|全面|进一步|坚决)?(?:贯彻|落实|按照|根据|依据|遵照|抢抓|紧抓|抓住|响应)|(?:精神|部署|要求|决策|指示|战略|机遇|论述)$/;
/** A purpose clause that names the document's aim starts with an action. */
export const AIM =
  /^(?:进一步|更好|大力|全面|持续|加快|着力|积极|深入)?(?:加快|推动|推进|促进|加强|提升|培育|支持|深化|实施|开展|规范|做好|完善|建设|发展|打造|提高|强化|优化|鼓励|引导|保障|助力|发挥|健全|构建|扩大|激发|增强|释放|壮大)/;
/** An explanatory aside inside a clause: "（以下统称高端智能再制造）". */
export const ASIDE = /[（(]以下(?:简称|统称)[^）)]*[）)]/g;
