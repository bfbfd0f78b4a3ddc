import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { formatYuan, MAX_AMOUNT_FEN, parseYuan, requireAmount, requireFen, splitFen, splitFenEvenly, sumFen } from './money.js';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('money in fen', () => {
  describe('parseYuan', () => {
    it.each([
      ['922500.00', 92_250_000],
      ['0.5', 50],
      ['0.05', 5],
      ['12', 1200],
      [' 243.2 ', 24_320],
      ['0.1', 10],
      ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ])('%p yuan is %p fen', (text, fen) => {
      expect(parseYuan(text)).toBe(fen);
    });

    it.each(['', '1.234', '-1', '1e3', '1,000', '.5', '5.', '¥5', 'NaN', '90071992547409.92'])(
      'AMOUNT_INVALID: %p',
      (text) => {
        expect(codeOf(() => parseYuan(text))).toBe('AMOUNT_INVALID');
      },
    );

    it('reads any two-decimal amount exactly, where a float would not', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
          const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
          expect(parseYuan(text)).toBe(fen);
        }),
      );
    });
  });

  describe('sumFen and requireFen', () => {
    it('adds exactly', () => {
      expect(sumFen([10, 20, 30])).toBe(60);
      expect(sumFen([])).toBe(0);
    });

    it('AMOUNT_INVALID: a fraction of a fen, or a total beyond exact arithmetic', () => {
      expect(codeOf(() => sumFen([1, 0.5]))).toBe('AMOUNT_INVALID');
      expect(codeOf(() => sumFen([Number.MAX_SAFE_INTEGER, 1]))).toBe('AMOUNT_INVALID');
      expect(codeOf(() => sumFen([Number.MAX_SAFE_INTEGER, -1, 1]))).toBe('no error');
    });

    it.each([-1, 0.5, Number.NaN, Infinity, 2 ** 53, '100'])('requireFen refuses %p', (value) => {
      expect(codeOf(() => requireFen(value))).toBe('AMOUNT_INVALID');
    });

    it('requireFen turns -0 into 0', () => {
      expect(Object.is(requireFen(-0), 0)).toBe(true);
    });
  });

  describe('splitFen (largest remainder)', () => {
    it('gives the odd fen to the largest remainders, then in input order', () => {
      // 100 fen in thirds: 33.33 each; the one fen left goes to the first.
      expect(splitFenEvenly(100, 3)).toEqual([34, 33, 33]);
      // shares 1:2:3 of 10 = 1.67, 3.33, 5: the largest remainder (0.67) takes the fen.
      expect(splitFen(10, [1, 2, 3])).toEqual([2, 3, 5]);
      expect(splitFen(0, [5, 5])).toEqual([0, 0]);
      expect(splitFen(7, [0, 3, 0])).toEqual([0, 7, 0]);
    });

    it('SPLIT_WITHOUT_SHARES, AMOUNT_INVALID', () => {
      expect(codeOf(() => splitFen(100, [0, 0]))).toBe('SPLIT_WITHOUT_SHARES');
      expect(codeOf(() => splitFen(100, []))).toBe('SPLIT_WITHOUT_SHARES');
      expect(codeOf(() => splitFen(-1, [1]))).toBe('AMOUNT_INVALID');
      expect(codeOf(() => splitFen(100, [1, -1]))).toBe('AMOUNT_INVALID');
      expect(codeOf(() => splitFen(100.5, [1]))).toBe('AMOUNT_INVALID');
    });

    const total = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const weights = fc
      .array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 40 })
      .filter((w) => w.some((x) => x > 0));

    it('always adds up to the total, no part negative, each within one fen of its exact share', () => {
      fc.assert(
        fc.property(total, weights, (t, w) => {
          const parts = splitFen(t, w);
          expect(parts).toHaveLength(w.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
          const sum = w.reduce((a, b) => a + BigInt(b), 0n);
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
            // |part - t*w/sum| < 1  <=>  |part*sum - t*w| < sum, in exact integers.
            const diff = BigInt(part) * sum - BigInt(t) * BigInt(w[i]!);
            expect(diff < sum && -diff < sum).toBe(true);
          });
        }),
        { numRuns: 500 },
      );
    });

    it('is deterministic: the same input gives the same split', () => {
      fc.assert(
        fc.property(total, weights, (t, w) => {
          expect(splitFen(t, [...w])).toEqual(splitFen(t, w));
        }),
      );
    });

    it('treats equal shares alike up to one fen, earlier parts first', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 300 }), (t, n) => {
          const parts = splitFenEvenly(t, n);
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
          expect([...parts].sort((a, b) => b - a)).toEqual(parts);
        }),
      );
    });
  });

  describe('formatYuan', () => {
    it.each([
      [92_250_000, '922,500.00元', '¥922,500.00'],
      [50, '0.50元', '¥0.50'],
      [243_200_000, '2,432,000.00元', '¥2,432,000.00'],
      [0, '0.00元', '¥0.00'],
      [-1234, '-12.34元', '-¥12.34'],
      [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91元', '¥90,071,992,547,409.91'],
    ])('%p fen reads %p and %p', (fen, zh, en) => {
      expect(formatYuan(fen, 'zh')).toBe(zh);
      expect(formatYuan(fen, 'en')).toBe(en);
    });

    it('a bigint reads exactly at any size (a sum of stored history from SQL); a number past the safe range is refused', () => {
      expect(formatYuan(9_007_199_254_741_091n, 'zh')).toBe('90,071,992,547,410.91元');
      expect(formatYuan(-5n, 'en')).toBe('-¥0.05');
      expect(formatYuan(0n, 'en')).toBe('¥0.00');
      expect(() => formatYuan(9_007_199_254_741_092, 'zh')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    });

    it('parses back to the same fen', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
          expect(parseYuan(formatYuan(fen, 'en').slice(1).replaceAll(',', ''))).toBe(fen);
        }),
      );
    });
  });
});

describe('requireAmount: what a person may enter', () => {
  it('takes whole fen up to 1,000,000,000.00 yuan and refuses a figure above it as implausible, naming the limit', () => {
    expect(requireAmount(0)).toBe(0);
    expect(requireAmount(MAX_AMOUNT_FEN)).toBe(100_000_000_000);
    expect(() => requireAmount(MAX_AMOUNT_FEN + 1)).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID', details: expect.objectContaining({ reason: 'implausible', limit: MAX_AMOUNT_FEN }) }));
    expect(() => requireAmount(Number.MAX_SAFE_INTEGER)).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'implausible' }) }));
    expect(() => requireAmount(-1)).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'negative' }) }));
    expect(() => requireAmount(1.5)).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'not_whole_fen' }) }));
    // The field it was entered in goes into the refusal.
    expect(() => requireAmount(-5, 'amounts[2].amountFen')).toThrow(expect.objectContaining({ details: { field: 'amounts[2].amountFen', value: -5, reason: 'negative' } }));
    // 90,000 amounts at the limit still add up exactly.
    expect(sumFen(Array.from({ length: 90_000 }, () => MAX_AMOUNT_FEN))).toBe(9_000_000_000_000_000);
  });
});
