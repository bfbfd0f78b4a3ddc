import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, CASEWORKERS } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { CommandRoute } from '../../shared/command-route.js';
import { IdNumberGuesses } from '../../parties/shared/id-number-guesses.js';
import { PartyFacts } from '../../parties/shared/party-facts.js';
import { MediatorRoster } from '../intake/mediator-roster.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { OpenDisputeAnswer, OpenDisputeDto } from './open-dispute.dto.js';

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('api/disputes')
export class OpenDisputeController {
  constructor(
    private readonly commands: Commands,
    private readonly roster: MediatorRoster,
    private readonly parties: PartyFacts,
    private readonly guesses: IdNumberGuesses,
  ) {}

  @Post()
  @Allowed(...CASEWORKERS)
  @ApiOperation({ summary: 'Open a labour-dispute case (立案)' })
  @ApiCreatedResponse({ type: OpenDisputeAnswer })
  @CommandRoute({ location: (caseId) => `/api/disputes/${caseId}` })
  async open(@Body() dto: OpenDisputeDto, @Command() meta: CommandMeta): Promise<OpenDisputeAnswer> {
    // The same roster check as /assign: a supervisor cannot hand a new case to nobody, an auditor or a disabled mediator.
    await this.roster.checkNamedBy(meta.actor, dto.mediatorId);
    const caseId = meta.newId();
    const claimants = dto.claimants.map((c) => ({ ...c, claimantId: meta.newId() }));
    // The named workers and employer as registered: the decider checks each claimant is the worker named (case-parties.ts).
    const registered = await this.parties.registered(dto.claimants, dto.respondent?.employerId);
    const result = await this.guesses.guarded(dto.claimants, meta, () => this.commands.execute(disputeCases, { type: 'OpenDisputeCase', data: { ...dto, caseId, claimants, registered } }, meta));
    return { ...commandAnswer(caseId, result), claimants: claimants.map(({ claimantId, name }) => ({ claimantId, name })) };
  }
}
