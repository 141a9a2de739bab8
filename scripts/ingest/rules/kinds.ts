/**
 * Rules for the kind word (文种) of a document: the brackets a title may print after it, and the
 * self-references that name it in the text ("本行动计划", "提出如下意见"). kinds.ts applies them.
 */
import { KIND_WORDS } from '../../../shared/document/kind-words.ts';

/** Brackets after the kind word: （2021-2025年）, （试行）, （修订版）. */
export const TRAILING_BRACKETS = /(?:[（(][^（）()]*[）)]\s*)+$/;

/** Self-references: "本行动计划", "制定以下政策", "提出如下意见". */
export const SELF_REFERENCE = new RegExp(`(?:本|(?:制定|制订|提出|印发)(?:如下|以下))(${KIND_WORDS.map(([w]) => w).join('|')})`, 'g');
