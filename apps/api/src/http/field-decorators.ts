import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { parseDayOrInstant, parseIsoDay } from '#domain';
import { isPosition } from '#event-store';
import { IsArray, IsDefined, IsObject, IsString, MaxLength, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';

/**
 * Text a clerk must write: a string, with something other than spaces in it ("   " is refused
 * as blank, not stored), at most `maxLength` characters. Messages come from field-messages.ts.
 */
export function RequiredText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    ValidateBy({ name: 'requiredText', validator: { validate: (v: unknown) => typeof v !== 'string' || v.trim().length > 0 } }),
    MaxLength(maxLength),
  );
}

/** `2026-03-01`: a real day of the calendar (not `2026`, `2026-W10`, `2026-02-30`). The domain's own definition. */
export function isCalendarDate(v: unknown): boolean {
  return parseIsoDay(v) !== null;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } }, options);
}

/**
 * A day (`2026-03-01`) or an instant with its offset (`2026-03-01T09:30:00+08:00`, `…Z`), as the
 * domain reads them. ISO 8601 allows far more (`2026`, `2026-W10`, `2026-060`, a time without an
 * offset): refused at the door, naming the field. Whether the date is plausible is the domain's.
 */
export function IsDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDateOrInstant', validator: { validate: (v: unknown) => parseDayOrInstant(v) !== null } }, options);
}

/** A log position from a command answer (`<transaction>:<sequence>`), for ?minPosition=. */
export function IsPosition(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isPosition', validator: { validate: (v: unknown) => typeof v === 'string' && isPosition(v) } }, options);
}

/** A list of nested objects: each item must be an object (not a list, a string or null), then is checked as `type`. */
export function NestedList(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}

/** A required nested object: absent, null, a string or a list is refused (400 naming it) before its own fields are checked. */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined(), IsObject(), ValidateNested(), Type(type));
}

/** A phone number as people write it: digits, spaces and + - ( ). */
export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isPhone', validator: { validate: (v: unknown) => typeof v === 'string' && /^[0-9+\-() ]*$/.test(v) } }, options);
}

/** A moment in the log's history: an instant with its offset (`2026-03-01T09:30:00+08:00`) or a log position (`7421:1093`). */
export function isLogMoment(v: unknown): boolean {
  return typeof v === 'string' && (isPosition(v) || parseDayOrInstant(v)?.kind === 'instant');
}

export function IsLogMoment(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isLogMoment', validator: { validate: isLogMoment } }, options);
}

/** A calendar day, or a moment in the log's history (an instant with its offset, a log position). */
export function IsDayOrLogMoment(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDayOrLogMoment', validator: { validate: (v: unknown) => isCalendarDate(v) || isLogMoment(v) } }, options);
}
