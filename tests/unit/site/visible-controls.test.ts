import { describe, expect, it } from 'vitest';
import { controlPicture, lineWithVisibleControls } from '../../../src/lib/visible-controls.ts';

describe('control characters on the original-text page', () => {
  it('are shown as their control pictures with their code', () => {
    expect(lineWithVisibleControls('隐患\u001b[31m动态\u0007')).toEqual([
      { text: '隐患' },
      { control: '\u001b', picture: '␛', code: 'U+001B' },
      { text: '[31m动态' },
      { control: '\u0007', picture: '␇', code: 'U+0007' },
    ]);
    expect(controlPicture('\u007f')).toBe('␡');
    expect(controlPicture('\u0000')).toBe('␀');
    expect(controlPicture('\u0085')).toBe('U+0085');
  });

  it('leave ordinary text, tabs and empty lines alone', () => {
    expect(lineWithVisibleControls('一\t二')).toEqual([{ text: '一\t二' }]);
    expect(lineWithVisibleControls('')).toEqual([{ text: '' }]);
  });
});
