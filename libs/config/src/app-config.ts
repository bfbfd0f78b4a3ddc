import 'reflect-metadata';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, Validate, ValidatorConstraint, validateSync, type ValidatorConstraintInterface } from 'class-validator';
import { isIP } from 'node:net';
import { createPrivateKey } from 'node:crypto';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ({ true: true, '1': true, yes: true, false: false, '0': false, no: false } as Record<string, boolean>)[value.trim().toLowerCase()] ?? value : value;
const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/** A proxy address: an IP, an IP/prefix, or one of Express's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.includes(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const family = isIP(ip);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** TRUST_PROXY: the number of proxy hops in front of the API (1-10), or the proxies' addresses. */
@ValidatorConstraint({ name: 'trustProxy' })
export class TrustProxyValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    if (/^\d+$/.test(value.trim())) return Number(value) >= 1 && Number(value) <= 10;
    const entries = value.split(',').map((e) => e.trim());
    return entries.length > 0 && entries.every(isProxyAddress);
  }
  defaultMessage(): string {
    return 'must be the number of proxies in front of the API (1 to 10), or a comma-separated list of their addresses (IP, IP/prefix, loopback, linklocal, uniquelocal); unset trusts no proxy';
  }
}

/** What Express's `trust proxy` gets: nothing trusted unless TRUST_PROXY says so. */
export function trustProxySetting(value: string | undefined): false | number | string[] {
  if (value === undefined) return false;
  if (/^\d+$/.test(value.trim())) return Number(value);
  return value.split(',').map((e) => e.trim());
}

/** AUDIT_SIGNING_KEY: an Ed25519 private key as PEM (PKCS#8) or base64 DER. */
@ValidatorConstraint({ name: 'ed25519Key' })
export class Ed25519KeyValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      const text = value.trim();
      const key = text.startsWith('-----') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
      return key.asymmetricKeyType === 'ed25519';
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'must be an Ed25519 private key, PEM (PKCS#8, "-----BEGIN PRIVATE KEY-----") or base64 of its DER; unset, one is generated under DATA_DIR';
  }
}

/**
 * Every setting the system reads, from the environment, checked once at start-up.
 * Nothing else in the code base reads process.env.
 */
export class AppConfig {
  /** HTTP port of the API. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 65535' })
  @Min(1, { message: 'must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'must be a whole number from 1 to 65535' })
  PORT = 3000;

  /** Where the embedded Postgres keeps its data, and other local state (generated keys). */
  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  DATA_DIR = './.data';

  /** A PostgreSQL server to use instead of the embedded one. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL?: string;

  @IsIn(['postgres', 'eventstoredb'], { message: 'must be one of: postgres, eventstoredb' })
  EVENT_STORE: 'postgres' | 'eventstoredb' = 'postgres';

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^(esdb|esdb\+discover):\/\/.+/, { message: 'must be an esdb:// connection string' })
  EVENTSTORE_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of: fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Run the worker (projectors, jobs) in the API process too. `npm start` does. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  WITH_WORKER = true;

  /** Signs access tokens. Unset: generated once and kept under DATA_DIR. */
  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** With ADMIN_PASSWORD: creates the first administrator when no staff exist. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9._-]{3,32}$/, { message: 'must be 3 to 32 characters of a-z, 0-9, ".", "_" or "-"' })
  ADMIN_USERNAME?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(10, { message: 'must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed by CORS; unset: CORS off. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /**
   * Which proxies may set X-Forwarded-For (the client address used by the login limits).
   * Unset: none, the address is the connection's. `false`/`0` mean the same.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && ['', 'false', '0', 'none'].includes(value.trim().toLowerCase()) ? undefined : value))
  @IsOptional()
  @Validate(TrustProxyValue)
  TRUST_PROXY?: string;

  /**
   * Signs the audit checkpoints: an Ed25519 private key, PEM (PKCS#8) or base64 of its DER.
   * Unset: generated once and kept (0600) under DATA_DIR as audit-signing-key.pem.
   */
  @Transform(blankToUndefined)
  @IsOptional()
  @Validate(Ed25519KeyValue)
  AUDIT_SIGNING_KEY?: string;

  /** Minutes between signed audit checkpoints (one is signed only when the log grew); 0 turns the timer off. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of minutes from 0 (off) to 10080 (a week)' })
  @Min(0, { message: 'must be a whole number of minutes from 0 (off) to 10080 (a week)' })
  @Max(10080, { message: 'must be a whole number of minutes from 0 (off) to 10080 (a week)' })
  AUDIT_CHECKPOINT_MINUTES = 60;

  /**
   * As-of replays keep a signed snapshot of a record's state after every this many of its
   * events, and start from the latest one at or before the moment asked for; 0 takes none.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of events from 0 (no snapshots) to 1000000' })
  @Min(0, { message: 'must be a whole number of events from 0 (no snapshots) to 1000000' })
  @Max(1_000_000, { message: 'must be a whole number of events from 0 (no snapshots) to 1000000' })
  AUDIT_SNAPSHOT_EVERY = 5_000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET = /PASSWORD|SECRET|SIGNING_KEY/;

/** Reads and checks every setting, reporting all bad ones at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'EVENTSTORE_URL', 'REDIS_URL', 'JWT_SECRET', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'CORS_ORIGINS', 'TRUST_PROXY', 'AUDIT_SIGNING_KEY']);
  const raw = Object.fromEntries(known.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const config = plainToInstance(AppConfig, raw);
  const problems = validateSync(config, { forbidUnknownValues: false }).map((error) => {
    const shown = SECRET.test(error.property) ? '(hidden)' : JSON.stringify(env[error.property]);
    return `${error.property}=${shown}: ${[...new Set(Object.values(error.constraints ?? {}))].join('; ')}`;
  });
  if (config.EVENT_STORE === 'eventstoredb' && !config.EVENTSTORE_URL) problems.push('EVENT_STORE=eventstoredb needs EVENTSTORE_URL (esdb://host:2113?tls=false)');
  if ((config.ADMIN_USERNAME === undefined) !== (config.ADMIN_PASSWORD === undefined)) problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * Creates a folder and its missing parents one by one. Node's own `mkdir -p` never returns for
 * some impossible paths (`/proc/x` loops forever on Node 20); this answers ENOENT at once.
 */
function makeFolder(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
    throw Object.assign(new Error(`${dir} is a file, not a folder`), { code: 'ENOTDIR' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  try {
    mkdirSync(dir, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * DATA_DIR must be a folder this process can create and write when anything lives there: the
 * embedded PostgreSQL (no DATABASE_URL) or the generated token key (no JWT_SECRET). Returns the
 * problem, or null. Checked at start-up, so a bad folder stops the process with a message.
 */
export function dataDirProblem(config: Pick<AppConfig, 'DATA_DIR' | 'DATABASE_URL' | 'JWT_SECRET'>): string | null {
  if (config.DATABASE_URL && config.JWT_SECRET) return null;
  const dir = resolve(config.DATA_DIR);
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    makeFolder(dir);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return null;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return `DATA_DIR=${JSON.stringify(config.DATA_DIR)}: cannot be created or written (${code ?? message}): choose a folder this user may write, or set DATABASE_URL and JWT_SECRET`;
  }
}

/** For entry points: the settings (DATA_DIR writable), or the list of bad ones on stderr and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    const config = loadConfig(env);
    const problem = dataDirProblem(config);
    if (problem) throw new ConfigError([problem]);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nNothing was started. Fix the setting(s) above; see README.md "Settings".`);
    process.exit(1);
  }
}
