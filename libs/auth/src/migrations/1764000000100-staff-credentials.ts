import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passwords live here, never in events: the roster's events say who changed a password and
 * when (PasswordChanged with a version), this table holds the argon2id hash of the current one.
 */
export class StaffCredentials1764000000100 implements MigrationInterface {
  name = 'StaffCredentials1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_credentials (
        staff_id text PRIMARY KEY,
        password_hash text NOT NULL,
        password_version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Failed-login counters (rate-limiter-flexible's table layout), shared by every API process.
    await q.query(`
      CREATE TABLE login_failures (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_credentials, login_failures`);
  }
}
