/**
 * Rules for reading responsible units (责任单位, 牵头单位 …): labels, name endings, collective names,
 * standing clauses. Each regular expression under a purpose name (the habit of marked's rules file);
 * units.ts applies them.
 */

/** Brackets that may open a unit list: （责任单位：…）. */
export const OPENERS = '（(〔[【';
/** The closers of OPENERS, in the same order. */
export const CLOSERS = '）)〕]】';
/** A list label such as "责任单位：" and the role it gives the names after it. */
export const LABEL =
  /^\s*(牵头单位|牵头部门|主责单位|主要责任单位|责任单位|责任部门|配合单位|配合部门|协同单位|协同部门|协办单位|协助单位|参与单位|参与部门|参加单位|参加部门|相关单位)\s*[:：]/;
/** A list label anywhere in a text, all of them. */
export const LABEL_ANYWHERE = new RegExp(LABEL.source.replace('^\\s*', ''), 'g');
/** Separators between groups (role may change) and between names of a group. */
export const GROUP_SEPARATORS = '，,；;。';
/** The separator between names of one group. */
export const NAME_SEPARATORS = '、';
/**
 * A group that is a note rather than names: "列第一位的为牵头单位，下同",
 * "以下均需各市政府…落实，不再列出". Everything from such a group on is skipped.
 */
export const ANNOTATION = /^(?:以下|下同|不再)|列第一位|不再(?:一一|重复)?列出/;
/** "列第一位的为牵头单位": the document itself says the first name leads. */
export const FIRST_IS_LEAD = /(?:列|排)(?:在)?(?:第一位|首位)的?(?:单位|部门)?为牵头(?:单位|部门)/;
/** "以下均需各市政府、雄安新区管委会落实，不再列出", "以下责任分工均涉及…，不再重复列出": units for every later task. */
export const LATER_TASKS =
  /以下[^。；;，,]{0,10}?(?:均|都|皆)?(?:需要|需|须|由|涉及|包括)([^。；;]{2,80}?)(?:共同)?(?:负责)?(?:落实|参与|配合|承担)?\s*[，,]\s*(?:均)?不再(?:一一|重复|单独)?列出/g;
/** A note inside a name: "（含定州、辛集市，下同）", "（不含雄安新区）". */
export const NAME_NOTE = /[（(]((?:含|包括|不含|不包括)[^（）()]*)[）)]/;
/** A word every clause {@link findStandingClauses} reads contains. */
export const STANDING_CUE = /不再|牵头|下同/;
/** The phrase closing a group, and the role it gives the group's names. */
export const GROUP_ROLE_SUFFIX = /(?:等(?:市直|省直|区直|县直)?(?:有关|相关)?(?:单位|部门))?(?:按(?:职责|责任)分工)?(牵头负责|牵头|配合|协助|参与|负责)$/;
/** A list explicitly closed by 按职责分工负责 counts even without a label. */
export const DUTY_SUFFIX = /按(?:职责|责任)分工负责$/;
/** Trailing "等", "等有关单位" left on the last name of a list. */
export const ETC_TAIL = /等(?:市直|省直|区直|县直)?(?:有关|相关)?(?:单位|部门)?$/;
/** Endings of department, government and company names. */
export const UNIT_SUFFIX =
  /(?:管委会|管委|委员会|指挥部|办事处|办公室|办公厅|领导小组|工作组|中心|政府|集团|街道|公司|银行|分行|中支|营管部|海关|机关|支队|电视台|文联|残联|妇联|侨联|工商联|科协|作协|商会|协会|学会|联合会|促进会|贸促会|工会|局|委|办|厅|部|院)$/;
/** Words with a unit ending that are not units (布局, 全部, 举办, 大厅, 数据中心…). */
export const NOT_UNIT =
  /(?:格|布|大|结|开|全|变|时|赛|棋|当)局$|(?:全|内|外|东|西|南|北|中|局|总|底|顶|干|头|俱乐)部$|(?:举|创|承|主|协|督|开|兴|申|合|代|包|查|筹)办$|(?:大|餐|展|客|舞|歌|门|营业)厅$|(?:创新|数据|研究|技术|研发|交易|运营|结算|物流|算|展示|体验|分拨|集配|调度|城市|市|检测|计算|会展|孵化|设计|营销|配送|集散)中心$|(?:学|医|剧|庭|影|书)院$/;
/** Collective names: 各区县政府, 各街道, 有关部门, 省直相关部门, 各县（市、区）人民政府. */
export const COLLECTIVE_UNIT =
  /^(?:各(?:级|有关|相关)?|市直|省直|区直|县直)?(?:有关|相关)?(?:部门|单位)$|^各.{0,12}(?:政府|街道|园区|部门|单位|管委会?|乡镇|镇)$|^(?:省|市|区|县)?(?:有关|相关)?(?:行业)?主管部门$|^[^、，,]{1,6}成员单位$/;
/** Any opener or closer of {@link OPENERS} and {@link CLOSERS}. */
export const BRACKET = /[（(〔[【）)〕\]】]/g;
