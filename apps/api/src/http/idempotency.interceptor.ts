import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUBLIC_ROUTE } from '#auth';
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { IdempotencyError, RequestValidationError } from './problem.js';

const WAIT_FOR_FIRST_MS = 15_000;
/** Far longer than any request runs: a key this old without an answer was left by a crash. */
const ABANDONED_AFTER_MS = 10 * 60_000;
const REPLAYED_HEADERS = ['etag', 'location'];

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
  age_ms: number;
}

/**
 * Idempotency-Key on any command: the first request with a key claims it in a table (unique
 * key, durable); a repeat with the same body waits for the first to finish and answers as it
 * did; a repeat with another body is refused (422). A failed first attempt releases the key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const raw = req.headers['idempotency-key'];
    // Public routes (login) are not commands, and their answers (tokens) must not be stored.
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [ctx.getHandler(), ctx.getClass()]);
    if (raw === undefined || req.method === 'GET' || isPublic) return next.handle();
    if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(raw)) {
      throw new RequestValidationError([{ field: 'Idempotency-Key', messages: [{ zh: '须为 1 至 200 个可见 ASCII 字符', en: 'must be 1 to 200 visible ASCII characters' }] }]);
    }
    const res = ctx.switchToHttp().getResponse<Response>();
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const actor = (req as { user?: { staffId?: string } }).user?.staffId ?? 'anonymous';
    const key = `${actor}:${raw}`;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.baseUrl}${req.path}\n${canonicalize(req.body ?? null) ?? ''}`)
      .digest('hex');
    return from(this.run(key, hash, status, res, next));
  }

  private async run(key: string, hash: string, status: number, res: Response, next: CallHandler): Promise<unknown> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    while (true) {
      const claim = randomUUID();
      const claimed = await this.ds.query(
        `INSERT INTO idempotency_keys (key, request_hash, claim) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, hash, claim],
      );
      if (claimed.length) return this.first(key, claim, status, res, next);
      const rows: KeyRow[] = await this.ds.query(
        `SELECT request_hash, status_code, response_body, response_headers, (extract(epoch FROM now() - created_at) * 1000)::float8 AS age_ms
         FROM idempotency_keys WHERE key = $1`,
        [key],
      );
      const row = rows[0];
      if (!row) continue; // the first attempt failed and released the key: try to claim it
      if (row.request_hash !== hash) {
        throw new IdempotencyError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request');
      }
      if (row.status_code !== null) {
        for (const [name, value] of Object.entries(row.response_headers ?? {})) res.setHeader(name, value);
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(row.status_code);
        return row.response_body;
      }
      if (row.age_ms > ABANDONED_AFTER_MS) {
        await this.ds.query(`DELETE FROM idempotency_keys WHERE key = $1 AND status_code IS NULL AND created_at < now() - $2 * interval '1 millisecond'`, [key, ABANDONED_AFTER_MS]);
        continue;
      }
      if (Date.now() > deadline) {
        throw new IdempotencyError(409, 'IDEMPOTENCY_KEY_IN_FLIGHT', 'A request with this Idempotency-Key is still being handled; retry later');
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async first(key: string, claim: string, status: number, res: Response, next: CallHandler): Promise<unknown> {
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      const headers = Object.fromEntries(REPLAYED_HEADERS.filter((h) => res.getHeader(h) !== undefined).map((h) => [h, String(res.getHeader(h))]));
      await this.ds.query(`UPDATE idempotency_keys SET status_code = $2, response_body = $3, response_headers = $4 WHERE key = $1 AND claim = $5`, [
        key,
        status,
        JSON.stringify(body ?? null),
        JSON.stringify(headers),
        claim,
      ]);
      return body;
    } catch (error) {
      await this.ds.query(`DELETE FROM idempotency_keys WHERE key = $1 AND claim = $2 AND status_code IS NULL`, [key, claim]).catch(() => undefined);
      throw error;
    }
  }
}
