import { ESLint } from 'eslint';

/** The lint rules that keep libs/domain pure, checked in the test run so CI enforces them. */
describe('the domain stays plain TypeScript', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  it('finds no framework, I/O, environment or clock in libs/domain, and no process.env outside libs/config', async () => {
    const results = await eslint.lintFiles(['libs/**/*.ts', 'apps/**/*.ts']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(errors).toEqual([]);
  });

  it('would refuse a domain file that imports Nest or TypeORM, reads process.env or the clock', async () => {
    const code = [
      "import { Injectable } from '@nestjs/common';",
      "import { DataSource } from 'typeorm';",
      'export const bad = [Injectable, DataSource, process.env.PORT, new Date(), Date.now()];',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: 'libs/domain/src/disputes/bad-example.ts' });
    const messages = result.messages.map((m) => m.message).join('\n');
    expect(messages).toMatch(/libs\/domain stays free of frameworks/);
    expect(result.messages.filter((m) => /frameworks and I\/O/.test(m.message))).toHaveLength(2);
    expect(messages).toMatch(/'process.env' is restricted/);
    expect(result.messages.filter((m) => /never reads a clock/.test(m.message))).toHaveLength(2);
  });
});
