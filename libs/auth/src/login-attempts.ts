import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PG_POOL } from '#platform';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttempts } from './auth-errors.js';

/** Failed logins for one username from one address before that pair must wait. */
export const FAILED_LOGINS_ALLOWED = 5;
/** Failed logins from one address, whatever the usernames, before the address must wait. */
export const FAILED_LOGINS_PER_ADDRESS_ALLOWED = 20;
export const FAILED_LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Failed logins counted in Postgres, so every API process shares them, in two limits:
 * per address and username (5 in 15 minutes: one clerk's typos lock out no one else), and per
 * address across usernames (20 in 15 minutes: trying many usernames from one place is stopped
 * too). The address is the connection's unless TRUST_PROXY names the proxy in front, so a
 * client cannot pick its own through X-Forwarded-For.
 */
@Injectable()
export class LoginAttempts {
  private readonly perUser: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(@Inject(PG_POOL) pool: pg.Pool) {
    const common = { storeClient: pool, tableName: 'login_failures', tableCreated: true, duration: FAILED_LOGIN_WINDOW_SECONDS };
    this.perUser = new RateLimiterPostgres({ ...common, points: FAILED_LOGINS_ALLOWED, keyPrefix: 'login' });
    this.perAddress = new RateLimiterPostgres({ ...common, points: FAILED_LOGINS_PER_ADDRESS_ALLOWED, keyPrefix: 'login-address' });
  }

  /** The username is hashed: any text (control characters, 64 KB) makes a short, storable key. */
  private userKey(ip: string, username: string): string {
    return `${ip}|${createHash('sha256').update(username.trim().toLowerCase()).digest('base64url')}`;
  }

  /**
   * Counts the attempt before the password is checked, so a burst of parallel guesses cannot
   * all pass the limit before the first failure is recorded; a success takes it back.
   */
  async begin(ip: string, username: string): Promise<void> {
    await this.consume(this.perAddress, ip);
    await this.consume(this.perUser, this.userKey(ip, username));
  }

  /** The pair starts afresh; the address gets back only this attempt's point, so a known good login cannot wipe out a run of guesses. */
  async succeeded(ip: string, username: string): Promise<void> {
    await this.perUser.delete(this.userKey(ip, username));
    await this.perAddress.reward(ip, 1);
  }

  private async consume(limiter: RateLimiterPostgres, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new TooManyAttempts(Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}
