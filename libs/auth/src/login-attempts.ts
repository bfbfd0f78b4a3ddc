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

  async assertAllowed(ip: string, username: string): Promise<void> {
    const state = await this.limiter.get(this.key(ip, username));
    if (state && state.consumedPoints >= FAILED_LOGINS_ALLOWED) throw new TooManyAttempts(Math.ceil(state.msBeforeNext / 1000));
  }

  async failed(ip: string, username: string): Promise<void> {
    try {
      await this.limiter.consume(this.key(ip, username));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error; // over the limit: counted, nothing else to do
    }
  }

  async succeeded(ip: string, username: string): Promise<void> {
    await this.limiter.delete(this.key(ip, username));
  }
}
