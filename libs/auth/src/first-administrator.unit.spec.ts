import { loadConfig } from '#config';
import { FirstAdministrator } from './first-administrator.js';
import type { StaffAccounts } from './staff-accounts.js';
import type { StaffDirectory } from './staff-directory.js';

describe('the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD', () => {
  const emptyRoster = { current: async () => ({ accounts: {} }) } as unknown as StaffDirectory;

  function withPassword(password: string) {
    const created: unknown[] = [];
    const accounts = { create: async (input: unknown) => (created.push(input), { staffId: 'new' }) } as unknown as StaffAccounts;
    const config = Object.assign(loadConfig({}), { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: password });
    return { first: new FirstAdministrator(config, emptyRoster, accounts), created };
  }

  it.each(['          ', '1234567890', 'aaaaaaaaaa', 'qwerty123456'])('refuses %j before creating anything, saying which setting and why', async (password) => {
    const { first, created } = withPassword(password);
    await expect(first.onApplicationBootstrap()).rejects.toThrow(/^ADMIN_PASSWORD is refused: .*(guess|spaces)/);
    expect(created).toEqual([]);
  });

  it('creates the administrator with a password the policy accepts', async () => {
    const { first, created } = withPassword('copper-kettle-morning');
    await first.onApplicationBootstrap();
    expect(created).toEqual([expect.objectContaining({ username: 'admin', roles: ['administrator'] })]);
  });
});
