import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { IdNumberGuesses } from '../../parties/shared/id-number-guesses.js';
import { PartyFacts } from '../../parties/shared/party-facts.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { AddClaimantsDto, ClaimantsAddedAnswer } from './add-claimants.dto.js';
import { RecordClaimDto, RecordClaimsDto } from './record-claim.dto.js';

/** Who brings the case and what each of them asks for. */
@Controller('api/disputes')
export class ClaimantsController {
  constructor(
    private readonly commands: Commands,
    private readonly parties: PartyFacts,
    private readonly guesses: IdNumberGuesses,
  ) {}

  @CaseCommand('claimants', 'Add claimants (workers) to a case', 201, ClaimantsAddedAnswer)
  async add(@UuidParam('id') caseId: string, @Body() dto: AddClaimantsDto, @Command() meta: CommandMeta): Promise<ClaimantsAddedAnswer> {
    const claimants = dto.claimants.map((c) => ({ ...c, claimantId: meta.newId() }));
    const registered = await this.parties.registered(dto.claimants);
    const result = await this.guesses.guarded(dto.claimants, meta, () => this.commands.execute(disputeCases, { type: 'AddClaimants', data: { caseId, claimants, registered } }, meta));
    return { ...commandAnswer(caseId, result), claimantIds: claimants.map((c) => c.claimantId) };
  }

  @CaseCommand('claims', 'Record a claim of one claimant, in fen', 201)
  async record(@UuidParam('id') caseId: string, @Body() dto: RecordClaimDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'RecordClaim', data: { caseId, ...dto } }, meta));
  }

  @CaseCommand('claims/bulk', 'Record the claims of many claimants at once (a group case’s list), in fen: all or none', 201)
  async recordMany(@UuidParam('id') caseId: string, @Body() dto: RecordClaimsDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'RecordClaims', data: { caseId, claims: dto.claims } }, meta));
  }
}
