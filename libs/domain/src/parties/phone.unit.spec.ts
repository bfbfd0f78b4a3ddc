import { maskPhone } from './phone.js';

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['+86 138 0013 8000', '+86 1** **** 8000'],
    ['010-6512 3456', '010-**** 3456'],
    ['6512345', '***2345'],
    ['12345', '***45'],
    ['', ''],
  ])('%p is shown as %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows the middle digits of a mobile number', () => {
    expect(maskPhone('13912345678')).not.toContain('1234');
  });
});
