import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed } from '#auth';
import type { CommandMeta } from '#commands';
import { Command } from '../../http/request-meta.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRoute } from '../../shared/command-route.js';
import { PartyRegistrations } from '../shared/party-registrations.js';
import { RegisterEmployerDto } from './register-employer.dto.js';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('api/employers')
export class RegisterEmployerController {
  constructor(private readonly registrations: PartyRegistrations) {}

  @Post()
  @Allowed('mediator', 'supervisor', 'administrator')
  @ApiOperation({ summary: 'Register an employer (用人单位); one credit code, one employer' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/employers/${id}` })
  register(@Body() dto: RegisterEmployerDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.registrations.registerEmployer(dto, meta);
  }
}
