import { roleLabel, type Role } from '#domain';

/** A message a clerk can read, in Chinese (the default) and English. */
export interface BilingualMessages {
  zh: string;
  en: string;
}

/** No usable credentials: 401. The API's problem filter maps it; libraries never throw HTTP. */
export class NotAuthenticated extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'NotAuthenticated';
  }

  get messages(): BilingualMessages {
    return { zh: this.zh, en: this.message };
  }
}

/** Authenticated, but the route does not allow any role the staff member holds: 403. */
export class NotAllowed extends Error {
  constructor(
    message: string,
    readonly zh: string,
    /** The roles the route allows, when that is why: the answer names them by their labels. */
    readonly requiredRoles?: readonly Role[],
  ) {
    super(message);
    this.name = 'NotAllowed';
  }

  get messages(): BilingualMessages {
    return { zh: this.zh, en: this.message };
  }

  /** "This needs one of the roles: 调解员、主管" in each language, never the raw codes. */
  static needsRole(allowed: readonly Role[], asked?: Role): NotAllowed {
    const en = allowed.map((r) => roleLabel(r, 'en')).join(', ');
    const zh = allowed.map((r) => roleLabel(r, 'zh')).join('、');
    return new NotAllowed(
      `This needs one of the roles: ${en}${asked ? ` (you asked to act as ${roleLabel(asked, 'en')})` : ''}`,
      `此操作需要以下角色之一：${zh}${asked ? `（您要求以“${roleLabel(asked, 'zh')}”身份操作）` : ''}`,
      allowed,
    );
  }
}

/** Too many failed logins from this address (for this username, or for any): 429 with Retry-After. */
export class TooManyAttempts extends Error {
  /**
   * Failed logins by default; `what` names other attempts a limit counts (ID numbers that were
   * not the worker's), with the code and title the 429 answer carries.
   */
  constructor(
    readonly retryAfterSeconds: number,
    readonly what: { code: string; title: BilingualMessages; detail: BilingualMessages } = {
      code: 'TOO_MANY_FAILED_LOGINS',
      title: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins: wait and try again' },
      detail: { zh: `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`, en: `Too many failed logins: try again in ${retryAfterSeconds} s` },
    },
  ) {
    super(what.detail.en);
    this.name = 'TooManyAttempts';
  }

  get messages(): BilingualMessages {
    return this.what.detail;
  }
}
