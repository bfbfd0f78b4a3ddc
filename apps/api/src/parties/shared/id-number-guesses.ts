import { Inject, Injectable, Logger } from '@nestjs/common';
import { TooManyAttempts } from '#auth';
import type { CommandMeta } from '#commands';
import { DomainError } from '#domain';
import { PG_POOL } from '#platform';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

/** ID numbers given for a named worker that were not the worker's, per staff member, before they must wait. */
export const ID_NUMBER_MISSES_ALLOWED = 5;
export const ID_NUMBER_MISS_WINDOW_SECONDS = 24 * 60 * 60;

const MISMATCH = 'CLAIMANT_ID_NUMBER_MISMATCH';

/**
 * A claimant named with the worker's ID number unmasks that worker's numbers for the case's
 * mediator, and a wrong number is refused (422): so the refusal tells whether a guess was right.
 * The masked number shows all but the birth date, which leaves a few thousand candidates: the
 * misses are counted per staff member in PostgreSQL (every API process shares them), five a day,
 * then 429 until the day is over; each miss is logged (staff id and correlation id, never a number).
 */
@Injectable()
export class IdNumberGuesses {
  private readonly logger = new Logger('privacy');
  private readonly misses: RateLimiterPostgres;

  constructor(@Inject(PG_POOL) pool: pg.Pool) {
    this.misses = new RateLimiterPostgres({
      storeClient: pool,
      tableName: 'login_failures',
      tableCreated: true,
      keyPrefix: 'id-number-miss',
      points: ID_NUMBER_MISSES_ALLOWED,
      duration: ID_NUMBER_MISS_WINDOW_SECONDS,
    });
  }

  /** Runs the command that names these claimants; counts it when an ID number given was not the worker's. */
  async guarded<T>(claimants: readonly { idNumber?: string | null }[], meta: CommandMeta, run: () => Promise<T>): Promise<T> {
    if (!claimants.some((c) => typeof c.idNumber === 'string' && c.idNumber.trim())) return run();
    const staffId = meta.actor.staffId;
    const spent = await this.misses.get(staffId);
    if (spent && spent.consumedPoints >= ID_NUMBER_MISSES_ALLOWED) throw tooMany(spent.msBeforeNext);
    try {
      return await run();
    } catch (error) {
      if (error instanceof DomainError && error.code === MISMATCH) {
        this.logger.warn({ staffId, correlationId: meta.correlationId }, 'an ID number given for a named worker was not the worker’s');
        await this.misses.consume(staffId).catch((e: unknown) => {
          if (!(e instanceof RateLimiterRes)) throw e;
        });
      }
      throw error;
    }
  }
}

function tooMany(msBeforeNext: number): TooManyAttempts {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new TooManyAttempts(seconds, {
    code: 'TOO_MANY_ID_NUMBER_MISSES',
    title: { zh: '身份证号码核对失败次数过多', en: 'Too many ID numbers that were not the worker’s' },
    detail: {
      zh: `今天已有 ${ID_NUMBER_MISSES_ALLOWED} 次填写的身份证号码与所列职工不符，请 ${seconds} 秒后再试，或不填身份证号码（号码将保持遮蔽）`,
      en: `${ID_NUMBER_MISSES_ALLOWED} ID numbers given today were not the named worker’s: try again in ${seconds} s, or name the worker without one (the numbers then stay masked)`,
    },
  });
}
