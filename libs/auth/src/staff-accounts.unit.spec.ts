// Through the barrel: the module graph (#commands, #platform, #auth) loads in its usual order.
import { passwordProblem, StaffAccounts, type Credentials, type PasswordHasher, type StaffDirectory } from '#auth';
import type { Commands, CommandMeta } from '#commands';
import { DomainError } from '#domain';

describe('StaffAccounts.changePassword: the policy of account creation, with the account’s own username and display name', () => {
  const account = { staffId: 's-1', username: 'zhang.wei', displayName: '张伟', roles: ['mediator'], active: true, passwordVersion: 0 };
  const roster = { accounts: { 's-1': account, 's-2': { ...account, staffId: 's-2', username: 'm.o', displayName: 'OkonkwoMarguerite' } } };
  const directory = { current: async () => roster } as unknown as StaffDirectory;
  const stored: string[] = [];
  const credentials = { put: async (_id: string, hash: string) => void stored.push(hash), find: async () => ({ hash: 'hash:old-password-here' }) } as unknown as Credentials;
  const hasher = { hash: async (p: string) => `hash:${p}`, verify: async (h: string, p: string) => h === `hash:${p}` } as unknown as PasswordHasher;
  const commands = { execute: async () => ({ state: roster, events: [], nextRevision: 1n, position: '1:1' }) } as unknown as Commands;
  const accounts = new StaffAccounts(commands, credentials, hasher, directory);
  const asAdmin = { actor: { staffId: 'admin-1', role: 'administrator' } } as unknown as CommandMeta;
  const asSelf = { actor: { staffId: 's-1', role: 'mediator' } } as unknown as CommandMeta;

  const refusal = async (run: Promise<unknown>) => run.then(() => null, (e: unknown) => (e instanceof DomainError ? e.code : e));

  it('refuses on reset and on one’s own change what creation refuses: the username with a year, the display name', async () => {
    // What creation (DTO and StaffAccounts.create) refuses with these inputs, and accepts without them.
    expect(passwordProblem('zhang.wei2026', ['zhang.wei', '张伟'])?.code).toBe('PASSWORD_TOO_WEAK');
    expect(passwordProblem('zhang.wei2026')).toBeNull();
    expect(await refusal(accounts.changePassword('s-1', 'zhang.wei2026', asAdmin))).toBe('PASSWORD_TOO_WEAK');
    expect(await refusal(accounts.changePassword('s-1', 'zhang.wei2026', asSelf, 'old-password-here'))).toBe('PASSWORD_TOO_WEAK');
    // The display name too.
    expect(passwordProblem('okonkwomarguerite')).toBeNull();
    expect(await refusal(accounts.changePassword('s-2', 'okonkwomarguerite', asAdmin))).toBe('PASSWORD_TOO_WEAK');
    expect(stored).toEqual([]);
  });

  it('takes a password unrelated to the account', async () => {
    await accounts.changePassword('s-1', 'copper-kettle-morning', asAdmin);
    expect(stored).toEqual(['hash:copper-kettle-morning']);
  });
});
