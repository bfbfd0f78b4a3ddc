import { redact, redactPersonal, redactUrl } from './redact.js';

describe('redaction for logs', () => {
  it('hides a connection URL’s password', () => {
    expect(redact('postgres://app:s3cret@db:5432/casework')).toBe('postgres://app:***@db:5432/casework');
  });

  it('hides the values of personal query parameters, whatever they hold', () => {
    expect(redactUrl('/api/workers?idNumber=110105&q=%E5%BC%A0')).toBe('/api/workers?idNumber=[redacted]&q=%E5%BC%A0');
    expect(redactUrl('/api/workers?phone=138-0013&id_number=x&Mobile=1')).toBe('/api/workers?phone=[redacted]&id_number=[redacted]&Mobile=[redacted]');
  });

  it('hides resident ID numbers and mobile numbers anywhere in a line, not other long numbers', () => {
    expect(redactUrl('/api/workers?q=11010519491231002X')).toBe('/api/workers?q=[redacted]');
    expect(redactPersonal('{"msg":"duplicate 11010519491231002x for 13800138000","time":1764158126123}')).toBe(
      '{"msg":"duplicate [redacted] for [redacted]","time":1764158126123}',
    );
    expect(redactPersonal('position 7421:1093, id 3f2a6c1e-8b1d-4c2e-9a7f-013800138000, 12345678901234567890')).toBe(
      'position 7421:1093, id 3f2a6c1e-8b1d-4c2e-9a7f-013800138000, 12345678901234567890',
    );
  });
});
