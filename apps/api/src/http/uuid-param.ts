import { Param, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './problem.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID: 400 naming the path parameter, in both languages. */
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw new RequestValidationError([
      { field: this.name, messages: [{ zh: '须为 UUID 格式的编号，例如 3f2a6c1e-8b1d-4c2e-9a7f-0e5d4b3c2a10', en: 'must be a UUID, e.g. 3f2a6c1e-8b1d-4c2e-9a7f-0e5d4b3c2a10' }] },
    ]);
  }
}

/** `@UuidParam('id') id: string`: the path parameter, checked to be a UUID. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new UuidPipe(name));
}
