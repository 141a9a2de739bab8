import { describe, expect, it } from 'vitest';
import { cssString, tipCss } from '../../../scripts/site/tip-css.ts';

describe('tipCss', () => {
  it('gives each concept one ::after rule for the buttons that open its definition', () => {
    expect(tipCss([{ id: 'lianzhangzhi', name: '链长制', definition: '由领导担任“链长”的机制。' }]).split('\n')[1]).toBe(
      'button[popovertarget="cdef-lianzhangzhi"]::after { content: "链长制：由领导担任“链长”的机制。"; }',
    );
  });

  it('escapes quotes, backslashes and line breaks so a definition cannot end the CSS string', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });
});
