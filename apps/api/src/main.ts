import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { loadConfigOrExit } from '#config';
import { isServerShutdown, nestLogLevels, openDatabase, runMigrations, type OpenDatabase } from '#platform';
import { AppModule } from './app.module.js';
import { configureHttp } from './http/configure-http.js';

/** `npm start`: Postgres (embedded unless DATABASE_URL), migrations, then API and worker. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Until the structured logger takes over: Nest's console logger, at the configured level.
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
  const logger = new Logger('main');
  let db: OpenDatabase | undefined;
  const shutdown = async (code: number) => {
    await db?.stop().catch(() => undefined);
    process.exit(code);
  };
  try {
    db = await openDatabase(config);
    await runMigrations(db.url);
    const app = await NestFactory.create(AppModule.register(config, db.url, { databaseStatus: db.supervisor }), { bufferLogs: true });
    app.useLogger(app.get(PinoLogger));
    configureHttp(app, config);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      // Ctrl-C reaches the embedded PostgreSQL too: it ends every connection while we close ours,
      // and a library's connection held without an error listener would crash the stop. That
      // error is the stop's own; anything else still ends the process with 1.
      process.on('uncaughtException', (error) => {
        if (isServerShutdown(error)) return;
        console.error(error);
        process.exit(1);
      });
      db?.supervisor?.release(); // the server stops with us now: no restart
      logger.log(`${signal}: stopping the server${db?.embedded ? ' and the embedded PostgreSQL' : ''}`);
      await app.close().catch((e: Error) => logger.error(e.message));
      await shutdown(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    db.stopAfterOwnShutdown(); // the app closes its connections first, then the server stops
    try {
      await app.listen(config.PORT);
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') {
        console.error(`Port ${config.PORT} is already in use. Stop whatever is using it, or set PORT to a free port (e.g. PORT=3001 npm start).`);
        await app.close().catch(() => undefined);
        return shutdown(1);
      }
      throw error;
    }
    logger.log(`listening on http://localhost:${config.PORT} (API docs: http://localhost:${config.PORT}/docs)${config.WITH_WORKER ? ', worker running in this process' : ''}`);
  } catch (error) {
    console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
