import { applyDecorators, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allowed, CASEWORKERS } from '#auth';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRoute } from '../../shared/command-route.js';

/**
 * A command on one case: POST /api/disputes/:id/<path>, for caseworkers (the domain then
 * checks that the actor is the case's mediator or a supervisor). 201 when the command adds a
 * record to the case (a session, a referral, ...), 200 when it changes the case's state.
 */
export function CaseCommand(path: string, summary: string, status: 200 | 201, answer: Type<CommandAnswer> = CommandAnswer): MethodDecorator {
  return applyDecorators(
    Post(`:id/${path}`),
    HttpCode(status),
    Allowed(...CASEWORKERS),
    ApiTags('disputes'),
    ApiBearerAuth(),
    ApiOperation({ summary }),
    ApiParam({ name: 'id', description: 'The case' }),
    ApiResponse({ status, type: answer, description: 'The case’s new revision (also the ETag) and the log position' }),
    CommandRoute(),
  );
}
