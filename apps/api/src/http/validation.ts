import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { RequestValidationError, type FieldProblem } from './problem.js';

/** Messages in both languages where every constraint of the field carries `context: { zh, en }`. */
function localized(e: ValidationError): Pick<FieldProblem, 'localized'> {
  const keys = Object.keys(e.constraints ?? {});
  const pick = (lang: 'zh' | 'en') => keys.map((k) => (e.contexts?.[k] as Partial<Record<'zh' | 'en', string>> | undefined)?.[lang] ?? e.constraints![k]);
  return keys.some((k) => typeof e.contexts?.[k]?.zh === 'string') ? { localized: { zh: pick('zh'), en: pick('en') } } : {};
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints), ...localized(e) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** DTO checks for every route: unknown fields refused, each bad field listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
