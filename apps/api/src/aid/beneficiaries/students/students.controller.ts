import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { aidPeopleProjection } from '#read-models';
import type { Response } from 'express';
import { Command } from '../../../http/request-meta.js';
import { UuidParam } from '../../../http/uuid-param.js';
import { CommandAnswer } from '../../../shared/command-answer.dto.js';
import { CommandRoute } from '../../../shared/command-route.js';
import { ReadModelFreshness } from '../../../shared/read-model-freshness.js';
import { students } from '../beneficiary-aggregates.js';
import { AID_RECORDERS } from '../beneficiary-fields.js';
import { AidPeopleQueries } from '../queries/aid-people-queries.service.js';
import { ListStudentsQuery, StudentListPage, UpdateSchoolingDto } from './student.dto.js';

/** Students of households in hardship (金秋助学); they are registered under their household (/api/aid/households/:id/students). */
@ApiTags('aid: students')
@ApiBearerAuth()
@Controller('api/aid/students')
export class StudentsController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: AidPeopleQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Post(':id/schooling')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'A new school year or school, from a day' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async schooling(@UuidParam('id') studentId: string, @Body() dto: UpdateSchoolingDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(studentId, await this.commands.execute(students, { type: 'UpdateStudentSchooling', data: { studentId, ...dto } }, meta));
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List students, by household or name' })
  @ApiOkResponse({ type: StudentListPage })
  async list(@Query() query: ListStudentsQuery, @Res({ passthrough: true }) res: Response): Promise<StudentListPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    return this.queries.students(query);
  }
}
