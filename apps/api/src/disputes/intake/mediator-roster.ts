import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '#auth';
import { findStaff, rule } from '#domain';

/**
 * The dispute case trusts the application to hand it a real mediator (a case cannot see the
 * staff roster): the roster is checked here at the moment of assignment.
 */
@Injectable()
export class MediatorRoster {
  constructor(private readonly staff: StaffDirectory) {}

  async requireActiveMediator(staffId: string): Promise<void> {
    const account = findStaff(await this.staff.current(), staffId);
    if (account?.active && account.roles.includes('mediator')) return;
    rule(
      'MEDIATOR_NOT_FOUND',
      `Staff member ${staffId} is not an active mediator; choose a mediator from the staff list.`,
      `员工 ${staffId} 不是在职的调解员，请从员工名单中选择调解员。`,
      { mediatorId: staffId },
    );
  }
}
