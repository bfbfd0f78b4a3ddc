import { normalisePersonName } from './person-name.js';

describe('normalisePersonName', () => {
  it.each([
    ['张秀英', '张秀英'],
    [' 张秀英\t', '张秀英'],
    ['李 四', '李 四'],
    ['李  四', '李 四'],
    ['李\u3000四', '李 四'],
    ['孙 \u3000 七', '孙 七'],
    ['\u3000王五\u3000', '王五'],
    ['Zhang\u00a0 Xiuying', 'Zhang Xiuying'],
  ])('given %p, keeps %p', (given, kept) => {
    expect(normalisePersonName(given)).toBe(kept);
  });

  it('a space is not nothing: "李四" and "李 四" stay two names', () => {
    expect(normalisePersonName('李四')).not.toBe(normalisePersonName('李 四'));
  });

  it('anything not text is empty', () => {
    expect(normalisePersonName(42)).toBe('');
    expect(normalisePersonName(null)).toBe('');
  });
});
