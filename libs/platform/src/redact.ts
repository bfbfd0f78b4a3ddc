/** A connection URL fit for a log: the password replaced by ***. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export const REDACTED = '[redacted]';

/** Query parameters that carry personal data, whatever their value looks like (matched without case, `_` or `-`). */
const PERSONAL_PARAMETERS = new Set(['idnumber', 'residentid', 'phone', 'mobile', 'tel', 'telephone', 'contact']);

/**
 * A resident ID number (17 digits and a check digit or X) or a mainland mobile number (11 digits
 * from 13x to 19x), standing alone: not inside a longer run of digits such as a timestamp.
 */
const PERSONAL_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])/g;

/** Any text fit for a log: resident ID numbers and mobile numbers replaced, wherever they stand. */
export function redactPersonal(text: string): string {
  return text.replace(PERSONAL_NUMBER, REDACTED);
}

/** A request URL fit for a log: the values of personal query parameters replaced, then any personal number. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return redactPersonal(url);
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name);
      } catch {
        // a malformed escape: judge the name as sent
      }
      return PERSONAL_PARAMETERS.has(name.toLowerCase().replace(/[_-]/g, '')) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');
  return redactPersonal(`${url.slice(0, q)}?${query}`);
}
