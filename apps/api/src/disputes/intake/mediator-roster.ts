import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '#auth';
import { findStaff, rule, type Actor } from '#domain';

/**
 * The dispute case trusts the application to hand it a real mediator (a case cannot see the
 * staff roster): the roster is checked here whenever a supervisor names one, on opening a
 * case and on assigning it.
 */
@Injectable()
export class MediatorRoster {
  constructor(private readonly staff: StaffDirectory) {}

  /**
   * A supervisor's choice must be an active mediator. Anyone else naming a mediator is refused
   * by the case itself (SUPERVISOR_ONLY), whoever they name, so the roster is not consulted.
   */
  async checkNamedBy(actor: Actor, mediatorId: string | null | undefined): Promise<void> {
    if (actor.role === 'supervisor' && mediatorId) await this.requireActiveMediator(mediatorId);
  }

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
