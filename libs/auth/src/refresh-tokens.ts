import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotAuthenticated } from './auth-errors.js';

/** A refresh token left unused this long expires: a clerk away for the night logs in again. */
export const REFRESH_TOKEN_SECONDS = 12 * 60 * 60;
/** However often it is refreshed, one login lasts at most this long. */
export const REFRESH_FAMILY_SECONDS = 7 * 24 * 60 * 60;

export interface RefreshGrant {
  staffId: string;
  familyId: string;
  passwordVersion: number;
  rosterRevision: number;
  familyExpiresAt: Date;
}

/** A login that logout just ended. */
export interface EndedFamily {
  staffId: string;
  familyId: string;
  /** When its newest token was issued, and with it the newest access token. */
  lastIssuedAt: Date;
}

interface Row {
  family_id: string;
  staff_id: string;
  password_version: number;
  roster_revision: number;
  expires_at: Date;
  family_expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Rotation, reuse and logout of one family take turns, so a revocation never misses a token issued beside it. */
const LOCK_FAMILY = `SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7220))`;
const invalid = () => new NotAuthenticated('The refresh token is unknown, expired or revoked: log in again', '刷新凭证无效、已过期或已撤销，请重新登录');

/**
 * Refresh tokens: 256 random bits handed to the client once; only their SHA-256 is stored.
 * Each use rotates the token; presenting a used one again revokes its whole family (the login
 * it came from), because someone holds a copy. Logout, a password change and disabling the
 * account revoke them too.
 */
@Injectable()
export class RefreshTokens {
  private readonly logger = new Logger('auth');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A new token: a new family at login, or the next one of a family at rotation. */
  async issue(
    grant: Omit<RefreshGrant, 'familyId' | 'familyExpiresAt'> & Partial<Pick<RefreshGrant, 'familyId' | 'familyExpiresAt'>>,
    now: Date,
  ): Promise<{ token: string; expiresIn: number; familyId: string }> {
    const token = randomBytes(32).toString('base64url');
    const familyId = grant.familyId ?? randomUUID();
    const familyExpiresAt = grant.familyExpiresAt ?? new Date(now.getTime() + REFRESH_FAMILY_SECONDS * 1000);
    const expiresAt = new Date(Math.min(now.getTime() + REFRESH_TOKEN_SECONDS * 1000, familyExpiresAt.getTime()));
    const inserted = await this.ds.transaction(async (m) => {
      await m.query(LOCK_FAMILY, [familyId]);
      // A family revoked meanwhile (logout, a reused token) gets no new member.
      const rows: unknown[] = await m.query(
        `INSERT INTO refresh_tokens (token_hash, family_id, staff_id, password_version, roster_revision, issued_at, expires_at, family_expires_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8
          WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $2 AND revoked_at IS NOT NULL)
         RETURNING 1`,
        [hashOf(token), familyId, grant.staffId, grant.passwordVersion, grant.rosterRevision, now, expiresAt, familyExpiresAt],
      );
      return rows.length;
    });
    if (!inserted) throw invalid();
    if (!grant.familyId) {
      // A login is a good moment to forget this person's families that can no longer be used.
      await this.ds.query(`DELETE FROM refresh_tokens WHERE staff_id = $1 AND family_expires_at < $2`, [grant.staffId, now]);
    }
    return { token, expiresIn: Math.round((expiresAt.getTime() - now.getTime()) / 1000), familyId };
  }

  /**
   * Marks the token used and answers what it grants. A token used before revokes its family:
   * the legitimate client and the copier both must log in again.
   */
  async use(token: string, now: Date): Promise<RefreshGrant> {
    const outcome = await this.ds.transaction(async (m) => {
      const found: { family_id: string }[] = await m.query(`SELECT family_id FROM refresh_tokens WHERE token_hash = $1`, [hashOf(token)]);
      if (!found[0]) return { error: invalid() };
      // The family's lock first, then a fresh read: two uses of one token take turns, the second sees it spent.
      await m.query(LOCK_FAMILY, [found[0].family_id]);
      const rows: Row[] = await m.query(`SELECT * FROM refresh_tokens WHERE token_hash = $1`, [hashOf(token)]);
      const row = rows[0];
      if (row.revoked_at) return { error: invalid() };
      if (row.rotated_at) {
        await m.query(`UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = 'reused' WHERE family_id = $1 AND revoked_at IS NULL`, [row.family_id, now]);
        this.logger.warn({ staffId: row.staff_id, familyId: row.family_id }, 'a used refresh token was presented again: its family is revoked');
        return {
          error: new NotAuthenticated(
            'This refresh token was already used, so it may have been copied: every session of that login has ended; log in again',
            '此刷新凭证已被使用过，可能已被他人复制：该次登录的所有会话均已结束，请重新登录',
          ),
        };
      }
      if (new Date(row.expires_at) <= now || new Date(row.family_expires_at) <= now) return { error: invalid() };
      await m.query(`UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1`, [hashOf(token), now]);
      return { row };
    });
    if ('error' in outcome) throw outcome.error;
    const { row } = outcome;
    return {
      staffId: row.staff_id,
      familyId: row.family_id,
      passwordVersion: row.password_version,
      rosterRevision: row.roster_revision,
      familyExpiresAt: new Date(row.family_expires_at),
    };
  }

  /**
   * Logout: the token's family ends. `beforeCommit` runs while its revocation is uncommitted
   * (and the family locked, so no refresh slips in): when it fails, the family stands as before.
   * An unknown token, or a family already revoked, changes nothing and calls nothing.
   */
  async endFamilyOf(token: string, now: Date, beforeCommit: (ended: EndedFamily) => Promise<void>): Promise<boolean> {
    return this.endFamily({ token }, now, beforeCommit);
  }

  /**
   * The same for the family (the login) a signed access token names: its session id, checked
   * to be this person's. Answers whether a family was ended.
   */
  async endFamilyById(familyId: string, staffId: string, now: Date, beforeCommit: (ended: EndedFamily) => Promise<void>): Promise<boolean> {
    return this.endFamily({ familyId, staffId }, now, beforeCommit);
  }

  private async endFamily(which: { token: string } | { familyId: string; staffId: string }, now: Date, beforeCommit: (ended: EndedFamily) => Promise<void>): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const found: { family_id: string }[] =
        'token' in which
          ? await m.query(`SELECT family_id FROM refresh_tokens WHERE token_hash = $1`, [hashOf(which.token)])
          : await m.query(`SELECT family_id FROM refresh_tokens WHERE family_id = $1 AND staff_id = $2 LIMIT 1`, [which.familyId, which.staffId]);
      if (!found[0]) return false;
      const familyId = found[0].family_id;
      await m.query(LOCK_FAMILY, [familyId]);
      // A SELECT around the UPDATE: TypeORM answers a bare UPDATE ... RETURNING as [rows, count].
      const ended: { staff_id: string; last_issued_at: Date }[] = await m.query(
        `WITH ended AS (
           UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = 'logout' WHERE family_id = $1 AND revoked_at IS NULL RETURNING staff_id, issued_at
         )
         SELECT staff_id, max(issued_at) AS last_issued_at FROM ended GROUP BY staff_id`,
        [familyId, now],
      );
      if (!ended[0]) return false;
      await beforeCommit({ staffId: ended[0].staff_id, familyId, lastIssuedAt: new Date(ended[0].last_issued_at) });
      return true;
    });
  }

  async revokeFamily(familyId: string, reason: string, now: Date): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(LOCK_FAMILY, [familyId]);
      await m.query(`UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = $3 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, now, reason]);
    });
  }

  /**
   * Password change, disabling: every session of the person ends. A refresh racing with this
   * may still issue one token, but using it fails: refresh checks the password version and the
   * disabling against the roster.
   */
  async revokeAllFor(staffId: string, reason: string, now: Date): Promise<void> {
    await this.ds.query(`UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = $3 WHERE staff_id = $1 AND revoked_at IS NULL`, [staffId, now, reason]);
  }
}
