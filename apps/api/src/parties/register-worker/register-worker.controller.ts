import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed } from '#auth';
import type { CommandMeta } from '#commands';
import { DomainError } from '#domain';
import { Command } from '../../http/request-meta.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRoute } from '../../shared/command-route.js';
import { mapConcurrently } from '../../shared/map-concurrently.js';
import { PartyRegistrations } from '../shared/party-registrations.js';
import { BulkRegistrationAnswer, RegisterWorkerDto, RegisterWorkersDto, type RowResult } from './register-worker.dto.js';

/** Rows registered at once in a bulk registration: each row is two appends; more only queue on the pool. */
const ROWS_AT_ONCE = 8;

@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/workers')
export class RegisterWorkerController {
  constructor(private readonly registrations: PartyRegistrations) {}

  @Post()
  @Allowed('mediator', 'supervisor', 'administrator')
  @ApiOperation({ summary: 'Register a worker (职工); one resident ID number, one worker' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/workers/${id}` })
  register(@Body() dto: RegisterWorkerDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.registrations.registerWorker(dto, meta);
  }

  @Post('bulk')
  @HttpCode(200)
  @Allowed('mediator', 'supervisor', 'administrator')
  @ApiOperation({
    summary: 'Register up to 1,000 workers in one request (a group case’s list): a result for each row, in order',
    description:
      'Each row is registered, or refused with its rule (422 in the row: a bad ID number, a number already registered), on its own; ' +
      'a row is never half-done. A row with a malformed field refuses the whole request (400 naming workers[i].field). ' +
      'With an Idempotency-Key, sending the list again registers nobody twice.',
  })
  @ApiOkResponse({ type: BulkRegistrationAnswer })
  @CommandRoute()
  async registerMany(@Body() dto: RegisterWorkersDto, @Command() meta: CommandMeta): Promise<BulkRegistrationAnswer> {
    const results = await mapConcurrently(dto.workers, ROWS_AT_ONCE, async (row, index): Promise<RowResult> => {
      try {
        return { index, status: 201, ...(await this.registrations.registerWorker(row, meta.sub(`row ${index}`))) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { index, status: 422, code: error.code, messages: error.messages, details: error.details };
      }
    });
    const registered = results.filter((r) => r.status === 201).length;
    return { registered, refused: results.length - registered, results };
  }
}
