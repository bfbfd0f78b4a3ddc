import { validateCreditCode } from './credit-code.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Written out from GB 32100-2015 independently of the implementation: weight 3^i mod 31. */
function withCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + CHARSET.indexOf(ch) * (3 ** i % 31), 0);
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

describe('validateCreditCode', () => {
  it('accepts commonly cited valid codes, upper-casing what was typed', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
    expect(validateCreditCode(' 91110000802100433b ')).toEqual({ ok: true, normalized: '91110000802100433B' });
  });

  it('accepts a code whose check character is computed from a known-good base', () => {
    const code = withCheckChar('92110113MA00ABCD1');
    expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
  });

  it('refuses a code that is not 18 long', () => {
    expect(validateCreditCode('91350100M000100Y4')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses I, O, S, V, Z and punctuation as format', () => {
    expect(validateCreditCode('91350100M000100YO3')).toEqual({ ok: false, reason: 'format' });
    expect(validateCreditCode('91350100M000100Y-3')).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses a mistyped character as check_digit', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'check_digit' });
    expect(validateCreditCode('91350100M000101Y43')).toEqual({ ok: false, reason: 'check_digit' });
  });
});
