import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule, Logger as PinoLogger } from 'nestjs-pino';
import { loadConfigOrExit } from '#config';
import { InfrastructureModule, loggerParams, nestLogLevels, openDatabase, runMigrations, WorkerModule } from '#platform';
// After #platform: #commands reaches #platform (and #platform #auth, which uses #commands), so #platform loads first.
import { CommandsModule } from '#commands';
import { DeadlineJobsModule } from '#jobs';

/** The worker on its own (projectors, jobs), for scaling apart from the API. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
  const db = await openDatabase(config, { attach: true });
  await runMigrations(db.url);
  @Module({ imports: [LoggerModule.forRoot(loggerParams(config)), InfrastructureModule.forRoot(config, db.url), CommandsModule, WorkerModule, DeadlineJobsModule] })
  class WorkerAppModule {}
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const stop = async (signal: string) => {
    new Logger('worker').log(`${signal}: stopping`);
    db.supervisor?.release();
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  db.stopAfterOwnShutdown(); // the worker closes its connections first, then the server stops
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
