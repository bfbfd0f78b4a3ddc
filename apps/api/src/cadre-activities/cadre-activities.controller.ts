import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed } from '#auth';
import { commandAnswer, Commands, type Aggregate, type CommandMeta } from '#commands';
import { cadreActivityDecider, cadreStreamName, type CadreActivities, type CadreActivityCommand, type CadreActivityEvent } from '#domain';
import { Command } from '../http/request-meta.js';
import { MediatorRoster } from '../disputes/intake/mediator-roster.js';
import { CommandRoute } from '../shared/command-route.js';
import { CadreActivityAnswer, RecordCadreActivityDto } from './record-cadre-activity.dto.js';

const cadres: Aggregate<CadreActivities, CadreActivityCommand, CadreActivityEvent> = {
  decider: cadreActivityDecider,
  streamOf: (command) => cadreStreamName(command.data.cadreId),
};

/** What cadres did toward their duties: trainings attended, key enterprises visited (follow-ups come from the cases). */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/cadre-activities')
export class CadreActivitiesController {
  constructor(
    private readonly commands: Commands,
    private readonly roster: MediatorRoster,
  ) {}

  @Post()
  @Allowed('mediator', 'supervisor')
  @ApiOperation({ summary: 'Record a training attended or a key-enterprise visit, by the cadre or by a supervisor for them' })
  @ApiCreatedResponse({ type: CadreActivityAnswer })
  @CommandRoute({ location: (cadreId) => `/api/deadlines/duties#${cadreId}` })
  async record(@Body() dto: RecordCadreActivityDto, @Command() meta: CommandMeta): Promise<CadreActivityAnswer> {
    const cadreId = dto.cadreId ?? meta.actor.staffId;
    if (meta.actor.role === 'supervisor') await this.roster.requireActiveMediator(cadreId);
    const activityId = meta.newId();
    const result = await this.commands.execute(cadres, { type: 'RecordCadreActivity', data: { ...dto, cadreId, activityId } }, meta);
    return { ...commandAnswer(cadreId, result), activityId };
  }
}
