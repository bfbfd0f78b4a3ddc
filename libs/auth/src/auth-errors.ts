/** No usable credentials: 401. The API's problem filter maps it; libraries never throw HTTP. */
export class NotAuthenticated extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'NotAuthenticated';
  }
}

/** Authenticated, but the route does not allow any role the staff member holds: 403. */
export class NotAllowed extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'NotAllowed';
  }
}

/** Too many failed logins from this address for this username: 429 with Retry-After. */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins: try again in ${retryAfterSeconds} s`);
    this.name = 'TooManyAttempts';
  }
}
