import { maskPhone, maskPhonesIn } from './phone.js';

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

describe('maskPhonesIn', () => {
  it('masks every phone number in free text and leaves the rest as written', () => {
    expect(maskPhonesIn('李经理 13900139000')).toBe('李经理 139****9000');
    expect(maskPhonesIn('财务王姐 010-6512 3456，或 13800138000')).toBe('财务王姐 010-**** 3456，或 138****8000');
    expect(maskPhonesIn('3号楼 2单元 101室')).toBe('3号楼 2单元 101室');
  });
});
