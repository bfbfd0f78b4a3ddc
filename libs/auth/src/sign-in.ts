import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CommandMeta } from '#commands';
import { findByUsername, findStaff, type Role, type StaffAccount } from '#domain';
import { ACCESS_TOKEN_SECONDS, type AccessTokenClaims } from './access-token.js';
import { preferredRole } from './acting-role.js';
import { NotAuthenticated } from './auth-errors.js';
import { RefreshTokens, type EndedFamily } from './refresh-tokens.js';
import { Credentials } from './credentials.js';
import { LoginAttempts } from './login-attempts.js';
import { PasswordHasher } from './password-hasher.js';
import { StaffAccounts } from './staff-accounts.js';
import { StaffDirectory, type RosterView } from './staff-directory.js';

export { ACCESS_TOKEN_SECONDS, type AccessTokenClaims } from './access-token.js';

/** Where a logout came from: its time, and the ids that tie its event to the request. */
export interface LogoutRequest {
  now: Date;
  correlationId: string;
  causationId: string;
}

export interface SignedInStaff {
  staffId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
}

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  tokenType: 'Bearer';
}

/** Login, refresh and token checks. Only ever logs the username, never the password or a token. */
@Injectable()
export class SignIn {
  private readonly logger = new Logger('auth');
  /** Spent on an unknown username too, so timing does not tell which usernames exist. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly directory: StaffDirectory,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
    private readonly refreshTokens: RefreshTokens,
    private readonly accounts: StaffAccounts,
  ) {}

  async login(username: string, password: string, ip: string, now: Date = new Date()): Promise<TokenPair> {
    await this.attempts.begin(ip, username);
    const view = await this.directory.view();
    const account = findByUsername(view.roster, username);
    const stored = account ? await this.credentials.find(account.staffId) : null;
    this.dummyHash ??= this.hasher.hash('not-a-real-password-at-all');
    const ok = await this.hasher.verify(stored?.hash ?? (await this.dummyHash), password);
    if (!account || !stored || !ok || !account.active) {
      const why = !account ? 'unknown username' : !account.active ? 'account disabled' : 'wrong password';
      this.logger.warn({ username, ip, reason: why }, 'login refused');
      throw account && ok && !account.active ? new NotAuthenticated('This account is disabled', '此账号已停用') : new NotAuthenticated('Wrong username or password', '用户名或密码错误');
    }
    await this.attempts.succeeded(ip, username);
    this.logger.log({ username, staffId: account.staffId, ip }, 'login');
    const refresh = await this.refreshTokens.issue({ staffId: account.staffId, passwordVersion: stored.version, rosterRevision: view.revision }, now);
    // The refresh-token family is the session: its id goes into every access token of this login.
    return this.pair({ sub: account.staffId, pv: stored.version, rv: view.revision, sid: refresh.familyId }, refresh);
  }

  /** A used refresh token buys a new pair (the old one is spent), while the account stands as it did. */
  async refresh(refreshToken: string, now: Date = new Date()): Promise<TokenPair> {
    const grant = await this.refreshTokens.use(refreshToken, now);
    const view = await this.directory.view();
    try {
      standing(view, grant.staffId, grant.passwordVersion, grant.rosterRevision, grant.familyId);
    } catch (error) {
      await this.refreshTokens.revokeFamily(grant.familyId, 'account changed', now);
      throw error;
    }
    const refresh = await this.refreshTokens.issue({ ...grant, rosterRevision: view.revision }, now);
    return this.pair({ sub: grant.staffId, pv: grant.passwordVersion, rv: view.revision, sid: grant.familyId }, refresh);
  }

  /**
   * Logout: the refresh token's login ends, its access tokens at once. Its refresh tokens are
   * revoked and StaffSignedOut recorded on the roster in one go (the revocation commits only once
   * the event is stored), so a failed logout can be tried again. An unknown, revoked or spent-out
   * family changes nothing, and neither does one whose access tokens have all expired.
   */
  async logout(refreshToken: string, request: LogoutRequest, accessToken?: string): Promise<void> {
    const { now } = request;
    const record = async ({ staffId, familyId, lastIssuedAt }: EndedFamily) => {
      if (lastIssuedAt.getTime() + ACCESS_TOKEN_SECONDS * 1000 <= now.getTime()) return;
      const account = findStaff((await this.directory.view()).roster, staffId);
      const role = account && preferredRole(account.roles);
      if (!role) return;
      const meta = new CommandMeta({
        actor: { staffId, role },
        correlationId: request.correlationId,
        causationId: request.causationId,
        occurredAt: now.toISOString(),
      });
      await this.accounts.signOut(staffId, familyId, meta);
      this.logger.log({ staffId }, 'logout');
    };
    if (await this.refreshTokens.endFamilyOf(refreshToken, now, record)) return;
    // The refresh token names no live login (mistyped, or already spent), but the request came
    // with a good access token: that token's own login ends, so "logged out" is true.
    const claims = accessToken ? await this.jwt.verifyAsync<AccessTokenClaims>(accessToken).catch(() => null) : null;
    if (claims && typeof claims.sub === 'string' && typeof claims.sid === 'string') await this.refreshTokens.endFamilyById(claims.sid, claims.sub, now, record);
  }

  /** After a password change or disabling: every refresh token of the person is revoked. */
  async endSessionsOf(staffId: string, reason: string, now: Date = new Date()): Promise<void> {
    await this.refreshTokens.revokeAllFor(staffId, reason, now);
  }

  private async pair(claims: Required<AccessTokenClaims>, refresh: { token: string; expiresIn: number }): Promise<TokenPair> {
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_SECONDS }),
      expiresIn: ACCESS_TOKEN_SECONDS,
      refreshToken: refresh.token,
      refreshExpiresIn: refresh.expiresIn,
      tokenType: 'Bearer',
    };
  }

  /** The account behind a bearer token, if the token is good and the account still in good standing. */
  async verify(token: string): Promise<StaffAccount> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new NotAuthenticated('The access token is malformed or expired: log in again', '登录凭证无效或已过期，请重新登录');
    }
    return standing(await this.directory.view(), claims.sub, claims.pv, claims.rv, claims.sid);
  }
}

/**
 * Whether a token issued for (password version, roster revision, session) still stands: else 401.
 * A token without a session was issued before sessions were named: it lapses within 15 minutes.
 */
function standing(view: RosterView, staffId: string, passwordVersion: unknown, rosterRevision: unknown, sessionId: unknown): StaffAccount {
  const account = typeof staffId === 'string' ? findStaff(view.roster, staffId) : undefined;
  if (!account || !account.active) throw new NotAuthenticated('This account is disabled', '此账号已停用');
  if (account.passwordVersion !== passwordVersion) throw new NotAuthenticated('The password was changed since this token was issued: log in again', '密码已更改，请重新登录');
  const disabledAt = Object.hasOwn(view.lastDisabledAt, staffId) ? view.lastDisabledAt[staffId] : -1;
  if (typeof rosterRevision !== 'number' || rosterRevision <= disabledAt) {
    throw new NotAuthenticated('This account was disabled after this token was issued: log in again', '此账号在该凭证签发后曾被停用，请重新登录');
  }
  if (typeof sessionId === 'string' && view.endedSessions.has(sessionId)) throw new NotAuthenticated('You logged out of this session: log in again', '您已退出登录，请重新登录');
  return account;
}
