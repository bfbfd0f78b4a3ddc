import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#platform';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttempts } from './auth-errors.js';

export const FAILED_LOGINS_ALLOWED = 5;
export const FAILED_LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Failed logins per client address and username, counted in Postgres so every API process
 * shares them: after 5 failures in 15 minutes, that pair must wait. One clerk's typos lock
 * out no one else; a success clears the count.
 */
@Injectable()
export class LoginAttempts {
  private readonly limiter: RateLimiterPostgres;

  constructor(@Inject(PG_POOL) pool: pg.Pool) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      tableName: 'login_failures',
      tableCreated: true,
      points: FAILED_LOGINS_ALLOWED,
      duration: FAILED_LOGIN_WINDOW_SECONDS,
      keyPrefix: 'login',
    });
  }

  private key(ip: string, username: string): string {
    return `${ip}|${username.trim().toLowerCase()}`.slice(0, 200);
  }

  /**
   * Counts the attempt before the password is checked, so a burst of parallel guesses cannot
   * all pass the limit before the first failure is recorded; a success takes it back.
   */
  async begin(ip: string, username: string): Promise<void> {
    try {
      await this.limiter.consume(this.key(ip, username));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new TooManyAttempts(Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }

  async succeeded(ip: string, username: string): Promise<void> {
    await this.limiter.delete(this.key(ip, username));
  }
}
