/**
 * Rules for the chrome around a document: a web page's navigation, info lines and footer, a database
 * export's 【…】 fields, YAML front matter. Each regular expression under a purpose name (the habit of
 * marked's rules file); chrome.ts reads them.
 */

/** Line shapes of chrome and export headers, each under its purpose name. */
export const CHROME_RULES = {
  /** 【法宝引证码】 CLI.11.1535062 / 【发布部门】 上海市人民政府 */
  exportField: /^【([^【】\s]{2,10})】\s*(.*)$/,
  /** 原文链接：https://… */
  exportLink: /^(原文链接|原文地址|链接地址|网址|URL)\s*[：:]\s*(\S+)$/i,
  /** A YAML key: value line inside front matter. */
  yamlField: /^([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*)\s*[:：]\s*(.*)$/,
  /** The page's <title> on the first line: "标题_栏目_网站" or "【标题】-网站". */
  pageTitle: /^(?:【.+】\s*[-—–|｜_]\s*\S.{0,30}|.{4,}?(?:_[^_\s]{1,16}){1,4})$/,
  /** "当前位置：首页 > …" or its label alone. */
  crumbLabel: /^(?:当前位置|您的位置|你的位置|所在位置|您当前的位置)\s*[：:]/,
  /** A breadcrumb separator on its own line: > / | » */
  crumbSeparator: /^[>»/|｜›→]+$/,
  /** A breadcrumb item led by its separator: "/ 政务公开", "> 政策", "| 政策解读". */
  crumbItem: /^[>»/|｜›→]\s*[\u4e00-\u9fff]{2,12}$/,
  /** A site name on a line of its own at the top of the page. */
  siteName: /^[\u4e00-\u9fff]{2,14}(?:网|网站|门户|门户网站|政务网|政府网)$/,
  /** The date and weekday a site prints in its header. */
  weekday: /^(?:今天是)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]$/,
  /** An article-info line: 发布时间：…, 来源：…, (发布日期：… (value on the line or on the next). */
  info: /^[(（]?\s*(发\s*布\s*时\s*间|发\s*布\s*日\s*期|发\s*文\s*日\s*期|信息来源|文章来源|来\s*源|时\s*间|作\s*者|浏览次数|访问次数|点击数|阅读次数|责任编辑|文\s*号|索\s*引\s*号|字\s*体)\s*[：:]\s*(.*?)\s*[)）]?$/,
  /** A label alone, its value on the next line: "名 称 ：", "发 文 字 号 ：". */
  metaLabel: /^([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,7})\s*[：:]$/,
  /** Site furniture that is chrome wherever it stands at the head or tail. */
  footer:
    /(?:版权所有|Copyright|©|ICP备|公网安备|网站标识码|主办单位|^主办[：:]|^承办[：:]|技术支持[：:]|浏览器|分辨率|纠错|^政策性文件留言咨询$|^留言咨询$|^排行榜$|^热点推荐$|^热门文章$|^相关(?:政策与解读|政策|解读|链接|文件|新闻|报道|阅读)$|^政策解读$)/,
  /** An e-mail address in a line (编辑部客服信箱…@…). */
  email: /[\w.-]+@[\w-]+\.[a-z]{2,}/i,
  /** A bare URL. */
  url: /^(?:https?:\/\/|www\.)\S+$/,
} as const;
/** A date line (a signature's 成文日期): never a link. */
export const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** Info labels as they may follow each other on one line ("(发布日期：2019年05月31日 文号：沪发改…)"). */
export const INFO_LABEL =
  /(发\s*布\s*时\s*间|发\s*布\s*日\s*期|发\s*文\s*日\s*期|成\s*文\s*日\s*期|信息来源|文章来源|来\s*源|文\s*号|发\s*文\s*字\s*号|索\s*引\s*号|作\s*者|字\s*体|浏览次数)\s*[：:]/g;
