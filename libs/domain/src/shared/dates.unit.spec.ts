import fc from 'fast-check';
import {
  addYears,
  beijingDateTime,
  beijingDay,
  happenedProblem,
  parseDayOrInstant,
  parseIsoDay,
  parseIsoInstant,
  paymentDayProblem,
} from './dates.js';

const NOW = '2026-03-02T01:00:00.000Z'; // 2026-03-02 09:00 in Beijing
const moment = (value: string) => parseDayOrInstant(value)!;

describe('dates', () => {
  describe('the strict parser', () => {
    it.each(['2026-03-01', '2024-02-29', '0001-01-01'])('a day: %p', (value) => {
      expect(parseIsoDay(value)).toBe(value);
    });

    it.each(['2026-02-29', '2026-13-01', '2026-3-1', '+010000-01-01', '20260301', '2026-03-01 ', '3月1日', 20260301, null])(
      'not a day: %p',
      (value) => {
        expect(parseIsoDay(value)).toBeNull();
      },
    );

    it.each([
      ['2026-03-01T09:30+08:00', Date.UTC(2026, 2, 1, 1, 30)],
      ['2026-03-01T09:30:15.123456789Z', Date.UTC(2026, 2, 1, 9, 30, 15, 123)],
      ['0099-01-01T00:00:00Z', Date.parse('0099-01-01T00:00:00Z')],
    ])('an instant: %p', (value, epoch) => {
      expect(parseIsoInstant(value)).toBe(epoch);
    });

    it.each([
      '2026-03-01T09:30', // no offset: a different moment on each server
      '2026-03-01T24:00Z',
      '2026-02-30T09:30Z',
      '+010000-01-01T00:00:00Z', // expanded year
      '9999-12-31T23:00:00-12:00', // year 10000 in Beijing: the poison date of issue 8
      '2026-03-01T09:30+0800',
      '2026-03-01T09:30+15:00',
      'yesterday',
    ])('not an instant: %p', (value) => {
      expect(parseIsoInstant(value)).toBeNull();
      expect(parseDayOrInstant(value)).toBeNull();
    });

    it('accepts any instant the system writes itself', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T15:59:59Z'), noInvalidDate: true }), (d) => {
          expect(parseIsoInstant(d.toISOString())).toBe(d.getTime());
        }),
      );
    });
  });

  describe('beijingDay: the one conversion to the union’s calendar day', () => {
    it.each([
      ['2026-03-01', '2026-03-01'],
      ['2026-03-01T15:59:59Z', '2026-03-01'],
      ['2026-03-01T16:00:00Z', '2026-03-02'],
      ['2026-03-01T23:30-05:00', '2026-03-02'],
      ['2026-03-01T00:30+08:00', '2026-03-01'],
      ['2026-03-01T00:30:00.000+0800', '2026-03-01'], // an older stored form is still read
    ])('%p is %p in Beijing', (value, day) => {
      expect(beijingDay(value)).toBe(day);
    });

    it('refuses what is not a date rather than answer "+010000-01"', () => {
      expect(() => beijingDay('9999-12-31T23:00:00-12:00')).toThrow(RangeError);
      expect(() => beijingDay('soon')).toThrow(RangeError);
    });

    it('shows an instant as Beijing wall-clock time', () => {
      expect(beijingDateTime('2026-03-01T01:30:00Z')).toBe('2026-03-01 09:30');
      expect(beijingDateTime('2026-03-01')).toBe('2026-03-01');
    });
  });

  describe('plausibility', () => {
    it('what happened: not before 1990, not after today in Beijing', () => {
      expect(happenedProblem(moment('1989-12-31'), NOW)).toBe('before_1990');
      expect(happenedProblem(moment('1990-01-01'), NOW)).toBeNull();
      expect(happenedProblem(moment('2026-03-02'), NOW)).toBeNull();
      expect(happenedProblem(moment('2026-03-02T23:59+08:00'), NOW)).toBeNull();
      expect(happenedProblem(moment('2026-03-03'), NOW)).toBe('in_future');
      expect(happenedProblem(moment('2026-03-02T16:00Z'), NOW)).toBe('in_future');
    });

    it('not before what it answers, counted in Beijing days', () => {
      const referred = { value: '2026-03-01T02:00:00.000Z', reason: 'before_referral' as const };
      expect(happenedProblem(moment('2026-02-28'), NOW, referred)).toBe('before_referral');
      expect(happenedProblem(moment('2026-03-01'), NOW, referred)).toBeNull();
      const received = { value: '2026-03-01', reason: 'before_application' as const };
      expect(happenedProblem(moment('2026-02-28T23:00+08:00'), NOW, received)).toBe('before_application');
    });

    it('a payment date: not before the application, at most ten years ahead', () => {
      expect(paymentDayProblem('2036-03-02', NOW, '2026-03-01')).toBeNull();
      expect(paymentDayProblem('2036-03-03', NOW, '2026-03-01')).toBe('beyond_payment_horizon');
      expect(paymentDayProblem('2026-02-28', NOW, '2026-03-01')).toBe('before_application');
      expect(paymentDayProblem('2014-05-01', NOW, '2014-03-01')).toBeNull();
      expect(paymentDayProblem('1989-05-01', NOW, '1988-03-01')).toBe('before_1990');
    });

    it('a limit from history that no day can represent (the poison date, stored before these checks) limits nothing', () => {
      const poisoned = { value: '9999-12-31T23:00:00-12:00', reason: 'before_application' as const };
      expect(happenedProblem(moment('2026-03-01'), NOW, poisoned)).toBeNull();
      expect(paymentDayProblem('2026-04-01', NOW, poisoned.value)).toBeNull();
    });

    it('addYears keeps the day, or the last of the month', () => {
      expect(addYears('2026-03-02', 10)).toBe('2036-03-02');
      expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    });
  });
});
