import { validateSync } from 'class-validator';
import { IsCalendarDate, IsDateOrInstant, isCalendarDate, RequiredText } from './field-decorators.js';

class Sample {
  @RequiredText(10) text!: unknown;
  @IsCalendarDate() day!: unknown;
  @IsDateOrInstant() when!: unknown;
}

function failing(values: Partial<Record<keyof Sample, unknown>>): string[] {
  const s = Object.assign(new Sample(), { text: 'ok', day: '2026-03-01', when: '2026-03-01', ...values });
  return validateSync(s).flatMap((e) => Object.keys(e.constraints ?? {}).map((c) => `${e.property}:${c}`));
}

describe('field decorators', () => {
  it('RequiredText refuses blank and whitespace-only text, and too long text', () => {
    expect(failing({ text: '调解' })).toEqual([]);
    expect(failing({ text: '' })).toEqual(['text:requiredText']);
    expect(failing({ text: ' \t\n\u3000' })).toEqual(['text:requiredText']);
    expect(failing({ text: 'x'.repeat(11) })).toEqual(['text:maxLength']);
    expect(failing({ text: 5 })).toContain('text:isString');
  });

  it('IsCalendarDate takes only real days written YYYY-MM-DD', () => {
    expect(['2026-03-01', '2024-02-29'].filter((d) => !isCalendarDate(d))).toEqual([]);
    expect(['2026', '2026-W10', '2026-060', '2026-02-30', '2025-02-29', '20260301', '2026-3-1', '2026-03-01T00:00:00Z'].filter((d) => isCalendarDate(d))).toEqual([]);
  });

  it('IsDateOrInstant takes a day or an instant with its offset, nothing else ISO 8601 allows', () => {
    for (const ok of ['2026-03-01', '2026-03-06T09:30:00+08:00', '2026-03-06T09:30+08:00', '2026-03-06T01:30:00.123Z']) expect([ok, failing({ when: ok })]).toEqual([ok, []]);
    for (const bad of ['2026', '2026-W10', '2026-060', '2026-03-06T09:30:00', '2026-02-30T09:00:00Z', '2026-03-06T25:00:00Z', 12]) {
      expect([bad, failing({ when: bad })]).toEqual([bad, ['when:isDateOrInstant']]);
    }
  });
});
