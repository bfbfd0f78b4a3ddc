/** An access token lives this long; logging out, a password change or disabling the account ends it sooner. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessTokenClaims {
  sub: string;
  /** The password version the token was issued under: a password change ends older tokens. */
  pv: number;
  /** The roster revision it was issued at: disabling the account ends every token issued before. */
  rv: number;
  /**
   * The session (login) it belongs to: the refresh-token family's id. Logging out of that session
   * ends it. Absent from tokens issued before sessions were named; those lapse within 15 minutes.
   */
  sid?: string;
}
