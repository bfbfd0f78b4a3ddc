import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { AuthModule, passwordProblem, StaffAccounts } from '#auth';
import { systemCommand } from '#commands';
import { loadConfigOrExit } from '#config';
import { DomainError, ROLES, type Role } from '#domain';
import { InfrastructureModule, nestLogLevels, openDatabase, runMigrations } from '#platform';

const USAGE = `Usage: npm run staff:create -- --username <name> --role <role> [--role <role>] [--display-name <name>]
Roles: ${ROLES.join(', ')}. The password is asked for, or read from stdin when piped.`;

/** Reads the password without echoing it on a terminal, or the first line of piped stdin. */
function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    return new Promise((resolve) => {
      let data = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (c) => (data += c));
      process.stdin.on('end', () => resolve(data.split(/\r?\n/)[0] ?? ''));
    });
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
  let muted = false;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => (muted ? undefined : write(s));
  return new Promise((resolve) => {
    rl.question('Password (10+ characters, not easily guessed, e.g. several unrelated words): ', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, role: { type: 'string', multiple: true }, 'display-name': { type: 'string' } },
  });
  const roles = values.role ?? [];
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!values.username || !roles.length || bad.length) {
    console.error(`${bad.length ? `Unknown role: ${bad.join(', ')}\n` : ''}${USAGE}`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
  const password = await readPassword();
  const problem = passwordProblem(password, [values.username, values['display-name'] ?? '']);
  if (problem) {
    console.error(`Not created: ${problem.en} (${problem.zh})`);
    process.exit(1);
  }
  const db = await openDatabase(config, { attach: true });
  await runMigrations(db.url);
  @Module({ imports: [InfrastructureModule.forRoot(config, db.url), AuthModule.forRoot(config)] })
  class StaffCliModule {}
  const app = await NestFactory.createApplicationContext(StaffCliModule, { logger: ['error', 'warn'] });
  try {
    const { staffId } = await app
      .get(StaffAccounts)
      .create({ username: values.username, displayName: values['display-name'] ?? values.username, password, roles: roles as Role[] }, systemCommand());
    console.log(`Created staff account ${values.username} (${staffId}) with roles: ${roles.join(', ')}`);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`Not created: ${error.messages.en} (${error.messages.zh})`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await app.close();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
