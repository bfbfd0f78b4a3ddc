import { maskResidentId, validateResidentId } from './resident-id.js';

/** Written out from GB 11643 independently of the implementation: weight 2^(17-i) mod 11. */
function withCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('validateResidentId', () => {
  it('accepts the classic sample number and a lower-case x, normalised to X', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true, normalized: '11010519491231002X' });
    expect(validateResidentId(' 11010519491231002x ')).toEqual({ ok: true, normalized: '11010519491231002X' });
  });

  it('accepts numbers whose check character is computed from a known-good base', () => {
    for (const base of ['11011319850615123', '11010520000229004', '44030419991231771']) {
      const id = withCheckChar(base);
      expect(validateResidentId(id)).toEqual({ ok: true, normalized: id });
    }
  });

  it('refuses an old 15-digit number or a truncated one as length', () => {
    expect(validateResidentId('110105491231002')).toEqual({ ok: false, reason: 'length' });
    expect(validateResidentId('11010519491231002X1')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses letters other than a final X as format', () => {
    expect(validateResidentId('1101051949123100XX')).toEqual({ ok: false, reason: 'format' });
    expect(validateResidentId('11010519491231002Y')).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses a birth date that is not a real day, is before 1900 or (given asOf) in the future', () => {
    expect(validateResidentId(withCheckChar('11010519490230002'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(validateResidentId(withCheckChar('11010519010229002'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(validateResidentId(withCheckChar('11010518991231002'))).toEqual({ ok: false, reason: 'birth_date' });
    const future = withCheckChar('11010520300101002');
    expect(validateResidentId(future)).toEqual({ ok: true, normalized: future });
    expect(validateResidentId(future, { asOf: '2026-03-01T08:00:00Z' })).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('counts "born in the future" in Beijing days', () => {
    const bornOnFirstOfMarch = withCheckChar('11010520260301002');
    // 2026-02-28T16:30Z is already 1 March, 00:30, in Beijing: born today, not tomorrow.
    expect(validateResidentId(bornOnFirstOfMarch, { asOf: '2026-02-28T16:30:00Z' })).toEqual({ ok: true, normalized: bornOnFirstOfMarch });
    expect(validateResidentId(bornOnFirstOfMarch, { asOf: '2026-02-28T15:30:00Z' })).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('refuses a single mistyped digit as check_digit', () => {
    expect(validateResidentId('110105194912310021')).toEqual({ ok: false, reason: 'check_digit' });
    expect(validateResidentId('11010519491231003X')).toEqual({ ok: false, reason: 'check_digit' });
  });
});

describe('maskResidentId', () => {
  it('keeps the region and the last four, hides the birth date', () => {
    expect(maskResidentId('110105194912311234')).toBe('110105********1234');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
  });

  it('masks anything that is not 18 long entirely', () => {
    expect(maskResidentId('110105491231002')).toBe('***************');
  });
});
