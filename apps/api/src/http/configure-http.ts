import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { trustProxySetting, type AppConfig } from '#config';
import { assignCorrelationId } from '#platform';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Metrics, MetricsMiddleware } from '../operations/metrics.js';
import { RequestShapeGuard } from './query-guard.js';
import { bodyParsers } from './request-body.js';
import { createValidationPipe } from './validation.js';

/** Everything HTTP that a test app and the real one share: one code path. */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  // First of all, so that every answer carries it, even one to a body that could not be read.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    assignCorrelationId(req, res);
    next();
  });
  // X-Forwarded-For decides the client address the login limits count: only from a proxy TRUST_PROXY names.
  express.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  const metrics = new MetricsMiddleware(app.get(Metrics));
  app.use(metrics.use.bind(metrics));
  const strict = helmet();
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((req: { path: string }, res: unknown, next: () => void) => (req.path.startsWith('/docs') || req.path.startsWith('/admin/queues') ? forDocs : strict)(req as never, res as never, next));
  if (config.CORS_ORIGINS) app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((o) => o.trim()), exposedHeaders: ['ETag', 'Location', 'X-Correlation-Id'] });
  // After metrics, security headers and CORS, so that a body refused here is counted and answered like any other.
  for (const parser of bodyParsers()) app.use(parser);
  // After authentication (the global AuthGuard comes first), before idempotency and validation.
  app.useGlobalGuards(new RequestShapeGuard());
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Town trade-union casework ledger')
      .setDescription('Labour disputes, wage recovery, hardship aid, deadlines and audit. Every change is an event; errors are RFC 9457 problem+json in Chinese (default) or English (Accept-Language: en).')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
