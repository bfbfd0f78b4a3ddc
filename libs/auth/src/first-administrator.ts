import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '#config';
import { DomainError } from '#domain';
import { APP_CONFIG } from '#platform';
import { systemCommand } from '#commands';
import { passwordProblem } from './password-policy.js';
import { StaffAccounts } from './staff-accounts.js';
import { StaffDirectory } from './staff-directory.js';

/** On an empty roster: create the first administrator from the settings, or say how to. */
@Injectable()
export class FirstAdministrator implements OnApplicationBootstrap {
  private readonly logger = new Logger('staff');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: StaffDirectory,
    private readonly accounts: StaffAccounts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const roster = await this.directory.current();
    if (Object.keys(roster.accounts).length > 0) return;
    const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.config;
    if (!username || !password) {
      this.logger.warn(
        'No staff accounts exist yet. Create the first administrator in one of two ways:\n' +
          "  ADMIN_USERNAME=admin ADMIN_PASSWORD='a-long-password' npm start\n" +
          '  npm run staff:create -- --username admin --display-name 管理员 --role administrator   (asks for the password)',
      );
      return;
    }
    const problem = passwordProblem(password, [username]);
    if (problem) {
      // Refused before anything is stored; `npm start` stops with this message (exit 1).
      throw new Error(`ADMIN_PASSWORD is refused: ${problem.en} (${problem.zh}). Nothing was created; choose another and start again.`);
    }
    try {
      const { staffId } = await this.accounts.create({ username, displayName: username, password, roles: ['administrator'] }, systemCommand());
      this.logger.log(`created the first administrator "${username}" (${staffId}) from ADMIN_USERNAME / ADMIN_PASSWORD`);
    } catch (error) {
      // Another process created it first: the roster's expected revision decided.
      if (error instanceof DomainError && error.code === 'USERNAME_TAKEN') return;
      throw error;
    }
  }
}
