import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The password hashes, in their own table: never in an event, a log or an answer. */
@Injectable()
export class Credentials {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(staffId: string): Promise<{ hash: string; version: number } | null> {
    const rows: { password_hash: string; password_version: number }[] = await this.ds.query(
      `SELECT password_hash, password_version FROM staff_credentials WHERE staff_id = $1`,
      [staffId],
    );
    return rows[0] ? { hash: rows[0].password_hash, version: rows[0].password_version } : null;
  }

  async put(staffId: string, hash: string, version: number): Promise<void> {
    await this.ds.query(
      `INSERT INTO staff_credentials (staff_id, password_hash, password_version) VALUES ($1, $2, $3)
       ON CONFLICT (staff_id) DO UPDATE SET password_hash = excluded.password_hash, password_version = excluded.password_version, updated_at = now()
       WHERE staff_credentials.password_version <= excluded.password_version`, // an older change never overwrites a newer one
      [staffId, hash, version],
    );
  }

  async remove(staffId: string): Promise<void> {
    await this.ds.query(`DELETE FROM staff_credentials WHERE staff_id = $1`, [staffId]);
  }
}
