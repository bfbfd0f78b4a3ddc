import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUBLIC_ROUTE } from '#auth';
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { IdempotencyError, RequestValidationError } from './problem.js';
import type { CommandRequest } from './request-meta.js';

/**
 * How long a repeat waits for the first request with its key to answer. After that the repeat
 * runs the command itself under the first one's claim: its ids derive from the claim, so it
 * finds whatever the first attempt recorded (if that attempt died between its append and its
 * answer) and answers the same, or records it once if the first recorded nothing.
 */
const WAIT_FOR_FIRST_MS = 2_000;
const REPLAYED_HEADERS = ['etag', 'location'];

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  /** The answer's exact bytes, as sent the first time. */
  response_text: string | null;
  response_headers: Record<string, string> | null;
  claim: string | null;
}

/**
 * Idempotency-Key on any command: the first request with a key claims it in a table (unique
 * key, durable) and runs the command with ids derived from its claim; a repeat with the same
 * body answers as the first did, byte for byte; a repeat with another body is refused (422).
 * A failed first attempt releases the key, so the next attempt gets a new claim and new ids.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<CommandRequest>();
    const raw = req.headers['idempotency-key'];
    // Public routes (login) are not commands, and their answers (tokens) must not be stored.
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [ctx.getHandler(), ctx.getClass()]);
    if (raw === undefined || req.method === 'GET' || isPublic) return next.handle();
    if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(raw)) {
      throw new RequestValidationError([{ field: 'Idempotency-Key', messages: [{ zh: '须为 1 至 200 个可见 ASCII 字符', en: 'must be 1 to 200 visible ASCII characters' }] }]);
    }
    const res = ctx.switchToHttp().getResponse<Response>();
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const actor = req.user?.staffId ?? 'anonymous';
    const key = `${actor}:${raw}`;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.baseUrl}${req.path}\n${canonicalize(req.body ?? null) ?? ''}`)
      .digest('hex');
    return from(this.run(key, hash, status, req, res, next));
  }

  private async run(key: string, hash: string, status: number, req: CommandRequest, res: Response, next: CallHandler): Promise<unknown> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    while (true) {
      const claim = randomUUID();
      const claimed = await this.ds.query(
        `INSERT INTO idempotency_keys (key, request_hash, claim) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, hash, claim],
      );
      if (claimed.length) return this.attempt(key, claim, status, req, res, next);
      const rows: KeyRow[] = await this.ds.query(
        `SELECT request_hash, status_code, response_body #>> '{}' AS response_text, response_headers, claim::text AS claim
         FROM idempotency_keys WHERE key = $1`,
        [key],
      );
      const row = rows[0];
      if (!row) continue; // the first attempt failed and released the key: try to claim it
      if (row.request_hash !== hash) {
        throw new IdempotencyError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request');
      }
      if (row.status_code !== null) return replay(row, res);
      if (row.claim === null) {
        // Claimed before claims existed: give it one, then go round again.
        await this.ds.query(`UPDATE idempotency_keys SET claim = $2 WHERE key = $1 AND claim IS NULL`, [key, claim]);
        continue;
      }
      if (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        continue;
      }
      return this.attempt(key, row.claim, status, req, res, next);
    }
  }

  /** Runs the command under `claim` (its ids derive from it) and stores the answer, unless another holder of the claim did first. */
  private async attempt(key: string, claim: string, status: number, req: CommandRequest, res: Response, next: CallHandler): Promise<unknown> {
    req.idempotencyScope = claim;
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      const headers = Object.fromEntries(REPLAYED_HEADERS.filter((h) => res.getHeader(h) !== undefined).map((h) => [h, String(res.getHeader(h))]));
      // The bytes Express sends for this body (res.json): kept as a JSON string, since jsonb would reorder an object's keys.
      await this.ds.query(
        `UPDATE idempotency_keys SET status_code = $2, response_body = to_jsonb($3::text), response_headers = $4
         WHERE key = $1 AND claim = $5 AND status_code IS NULL`,
        [key, status, JSON.stringify(body ?? null), JSON.stringify(headers), claim],
      );
      return body;
    } catch (error) {
      await this.ds.query(`DELETE FROM idempotency_keys WHERE key = $1 AND claim = $2 AND status_code IS NULL`, [key, claim]).catch(() => undefined);
      throw error;
    }
  }
}

/** The first answer again: its status, its ETag and Location, and its body byte for byte. */
function replay(row: KeyRow, res: Response): unknown {
  for (const [name, value] of Object.entries(row.response_headers ?? {})) res.setHeader(name, value);
  res.setHeader('Idempotent-Replayed', 'true');
  res.status(row.status_code!);
  if (row.response_text === null || row.response_text === 'null') return null;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  return row.response_text;
}
