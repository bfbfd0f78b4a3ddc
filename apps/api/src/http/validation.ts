import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { constraintMessage } from './field-messages.js';
import { joinPath } from './hostile-input.js';
import { RequestValidationError, type Bilingual, type FieldProblem, type Message } from './problem.js';

interface ConstraintInfo {
  args: unknown[];
  each: boolean;
}

/** The arguments (a length, a list of values) and `each` of every constraint on a DTO's property, as declared. */
function constraintsOf(target: object | undefined, property: string): Map<string, ConstraintInfo> {
  const found = new Map<string, ConstraintInfo>();
  const ctor = target && !Array.isArray(target) ? (target.constructor as new () => unknown) : undefined;
  if (!ctor || ctor === Object) return found;
  const storage = getMetadataStorage();
  for (const m of storage.getTargetValidationMetadatas(ctor, '', true, false)) {
    if (m.propertyName !== property) continue;
    const name = m.constraintCls ? (storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? m.type) : m.type;
    found.set(name, { args: m.constraints ?? [], each: m.each ?? false });
  }
  return found;
}

/** The checks that say what kind of value a field takes (class-validator's constraint names). */
const TYPE_CHECKS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isDateString', 'isIso8601', 'isEnum', 'isIn', 'nestedValidation']);

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = joinPath(prefix, /^\d+$/.test(e.property) ? Number(e.property) : e.property);
    const declared = constraintsOf(e.target, e.property);
    // A field left out (or null) fails every check it has ("must be text", "at most 300
    // characters"...): what the clerk needs to hear is only that it is required.
    const given = e.target && !Array.isArray(e.target) ? (e.target as Record<string, unknown>)[e.property] : undefined;
    const missing = e.target !== undefined && !Array.isArray(e.target) && (given === undefined || given === null) && Object.keys(e.constraints ?? {}).length > 0;
    if (missing) return [{ field, messages: [constraintMessage('isDefined', [], false, 'is required')] }];
    // A value of the wrong type (a number for a title) fails its length and range checks too:
    // only the type is worth saying then.
    const failed = Object.entries(e.constraints ?? {});
    const typeFailed = failed.filter(([constraint]) => TYPE_CHECKS.has(constraint));
    const messages: Message[] = (typeFailed.length ? typeFailed : failed).map(([constraint, english]) => {
      // A DTO may give its own words for a check (`context: { zh, en }`); otherwise the catalogue speaks.
      const own = e.contexts?.[constraint] as Partial<Bilingual> | undefined;
      if (typeof own?.zh === 'string' && typeof own.en === 'string') return { zh: own.zh, en: own.en };
      const info = declared.get(constraint);
      return constraintMessage(constraint, info?.args ?? [], info?.each ?? false, english);
    });
    const unique = messages.filter((m, i) => messages.findIndex((n) => JSON.stringify(n) === JSON.stringify(m)) === i);
    const own = unique.length ? [{ field, messages: unique }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * DTO checks for every route: unknown fields refused, every bad field listed at once (nested ones
 * by their path), each message in Chinese and English from one catalogue (field-messages.ts).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target is read here to find each constraint's arguments; neither it nor the value leaves the server.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
