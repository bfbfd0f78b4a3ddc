import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { DomainError, type RecoveryCaseFacts } from '#domain';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { RecoveryCases } from '../../recovery/shared/recovery-cases.js';
import { recoveries } from '../../recovery/shared/recovery.aggregate.js';
import { AgreementAnswer } from '../closing/reach-agreement.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { AmendAgreementDto } from './amend-agreement.dto.js';

/**
 * Changing an agreement is an amendment with a reason; the first agreement stays in the case's
 * history. The amendment is decided on the case's stream, but may not owe a worker less than
 * the recovery ledger (its own stream) already holds for them: that ledger is read here, from
 * its stream, and handed in with the command (see `checkNotBelowRecovered` in the domain for a
 * receipt racing the amendment). Once recorded, the ledger follows the amendment at once: a
 * `FollowAgreement` on the ledger's stream re-bases it (and completes it when the amendment settles
 * for what was paid), so its pages, the outcome's check, write-offs and instalment deadlines see the
 * agreement in force. Sent again (a retry, an Idempotency-Key replay) it records nothing more.
 */
@Controller('api/disputes')
export class AmendAgreementController {
  constructor(
    private readonly commands: Commands,
    private readonly recovery: RecoveryCases,
  ) {}

  @CaseCommand('agreement/amendments', 'Amend the mediation agreement in force, with the reason (the earlier one stays in the history)', 201, AgreementAnswer)
  async amend(@UuidParam('id') caseId: string, @Body() dto: AmendAgreementDto, @Command() meta: CommandMeta): Promise<AgreementAnswer> {
    const agreementId = meta.newId();
    const recovery = await this.recovery.agreementFacts(caseId);
    const result = await this.commands.execute(disputeCases, { type: 'AmendAgreement', data: { caseId, agreementId, ...dto, recovery } }, meta);
    // The case as it now stands (read from its stream, the amendment included), for the ledger to follow.
    const facts = await this.recovery.factsOf(caseId);
    const followed = await this.followAgreement(caseId, facts, meta);
    // The case's revision (its ETag); the log position after the re-base too, so ?minPosition= waits for both.
    const position = followed && followed.events.length > 0 && followed.position ? followed.position : result.position;
    return { ...commandAnswer(caseId, { nextRevision: result.nextRevision, position }), agreementId };
  }

  /**
   * The re-base, on the ledger's stream. A receipt racing the amendment can leave a worker owed
   * less than was received for them: the amendment stands (it is recorded), the ledger stays on
   * the agreement before it and every money command is refused with AGREEMENT_BELOW_RECOVERED
   * until the agreement is amended again, as before; so that refusal is not this answer's.
   */
  private async followAgreement(caseId: string, facts: RecoveryCaseFacts | null, meta: CommandMeta) {
    try {
      return await this.commands.execute(recoveries, { type: 'FollowAgreement', data: { caseId, case: facts } }, meta.sub('recovery'));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'AGREEMENT_BELOW_RECOVERED') return null;
      throw error;
    }
  }
}
