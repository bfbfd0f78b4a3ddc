import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** The headers and errors every command route shares, for the OpenAPI document. */
export function CommandDocs(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Send the same key again to get the same answer; the change is recorded once' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision (ETag) you last saw; a stale one answers 409' }),
    ApiBadRequestResponse({ description: 'problem+json listing each bad field' }),
    ApiConflictResponse({ description: 'problem+json: the record changed since If-Match' }),
    ApiUnprocessableEntityResponse({ description: 'problem+json: a business rule, with its code and messages in Chinese and English' }),
  );
}
