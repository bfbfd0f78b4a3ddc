import { languageOf } from './problem.js';

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR,de;q=0.9', 'zh'],
    ['zh;q=0.3,en;q=0.7', 'en'],
    ['en;q=0,zh;q=0.1', 'zh'],
    ['*', 'zh'],
    ['en;q=abc', 'zh'],
  ])('%s -> %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});
