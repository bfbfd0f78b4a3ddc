import { listNames } from './bilingual.js';
import { foldEvents } from './command.js';
import { DomainError, NotFoundError, notFound } from './domain-error.js';

describe('the shared kernel', () => {
  it('lists a few names and counts the rest, in Chinese and in English', () => {
    const names = Array.from({ length: 12 }, (_, i) => `职工${i + 1}`);
    expect(listNames(names, 'zh')).toBe('职工1、职工2、职工3、职工4、职工5等12人');
    expect(listNames(names, 'en')).toBe('职工1, 职工2, 职工3, 职工4, 职工5 and 7 more');
    expect(listNames(['张三', '李四'], 'zh')).toBe('张三、李四');
    expect(listNames(['张三', '李四'], 'en')).toBe('张三, 李四');
  });

  it('folds stored events, envelope and all, into a decider state', () => {
    const counter = { initialState: () => 0, evolve: (s: number, e: { type: 'Counted'; data: { by: number } }) => s + e.data.by };
    const stored = [
      { id: 'x', type: 'Counted', data: { by: 2 }, metadata: {} },
      { id: 'y', type: 'Counted', data: { by: 3 }, metadata: {} },
    ];
    expect(foldEvents(counter, stored)).toBe(5);
    expect(foldEvents(counter, stored, 10)).toBe(15);
  });

  it('a "not found" is a DomainError of its own kind, with its code and both messages', () => {
    let caught: unknown;
    try {
      notFound('CASE_NOT_FOUND', 'No case 7.', '案件 7 尚未立案。', { caseId: '7' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NotFoundError);
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'CASE_NOT_FOUND', messages: { zh: '案件 7 尚未立案。', en: 'No case 7.' }, details: { caseId: '7' } });
  });
});
