import { passwordProblem } from '#auth';
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
