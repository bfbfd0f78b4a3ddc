import { PASSWORD_PROBLEM_CODES, passwordProblem } from '#auth';
import { DomainError, type Bilingual } from '#domain';
import { RequestValidationError } from '../http/problem.js';
import { FIELD } from './field-messages.js';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The password policy as a field check, so a 400 lists a weak password beside every other bad
 * field. `relatedTo` names sibling fields (username, display name) it must not be built from.
 */
export function IsAcceptablePassword(relatedTo: string[], options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'acceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return false;
          const object = args.object as Record<string, unknown>;
          const related = relatedTo.map((k) => object[k]).filter((v): v is string => typeof v === 'string');
          return passwordProblem(value, related) === null;
        },
      },
    });
}

/**
 * A new password the account's own rule refused (libs/auth checks it against the account's
 * username and display name, which a reset's body does not carry): answered as a weak password
 * at creation is, 400 naming `field` with the same words. Any other error passes through.
 */
export async function withPasswordAsField<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && (PASSWORD_PROBLEM_CODES as readonly string[]).includes(error.code)) {
      const { zh, en } = FIELD.password().context as Bilingual;
      throw new RequestValidationError([{ field, messages: [{ zh, en }] }]);
    }
    throw error;
  }
}
