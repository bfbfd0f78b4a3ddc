import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { findByUsername, findStaff, type Role, type StaffAccount } from '#domain';
import { NotAuthenticated } from './auth-errors.js';
import { Credentials } from './credentials.js';
import { LoginAttempts } from './login-attempts.js';
import { PasswordHasher } from './password-hasher.js';
import { StaffDirectory } from './staff-directory.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessTokenClaims {
  sub: string;
  /** The password version the token was issued under: a password change ends older tokens. */
  pv: number;
}

export interface SignedInStaff {
  staffId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
}

/** Login and token checks. Only ever logs the username, never the password or the token. */
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
  ) {}

  async login(username: string, password: string, ip: string): Promise<{ accessToken: string; expiresIn: number }> {
    await this.attempts.begin(ip, username);
    const account = findByUsername(await this.directory.current(), username);
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
    const claims: AccessTokenClaims = { sub: account.staffId, pv: stored.version };
    return { accessToken: await this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_SECONDS }), expiresIn: ACCESS_TOKEN_SECONDS };
  }

  /** The account behind a bearer token, if the token is good and the account still active. */
  async verify(token: string): Promise<StaffAccount> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new NotAuthenticated('The access token is malformed or expired: log in again', '登录凭证无效或已过期，请重新登录');
    }
    const account = findStaff(await this.directory.current(), claims.sub);
    if (!account || !account.active) throw new NotAuthenticated('This account is disabled', '此账号已停用');
    if (account.passwordVersion !== claims.pv) throw new NotAuthenticated('The password was changed since this token was issued: log in again', '密码已更改，请重新登录');
    return account;
  }
}
