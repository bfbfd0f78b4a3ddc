import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { likePattern } from '../shared/search.js';

/** Union organisations with, for a day, whether they exist, their members then and their Workers' Home ratings. */
@Injectable()
export class OrganisationQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(q: { on: string; q?: string; page?: number; pageSize?: number; id?: string }) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const args: unknown[] = [q.on];
    // $1 (the day) appears in every statement, so the count takes the same parameters.
    const where: string[] = ['$1::date IS NOT NULL'];
    if (q.q?.trim()) {
      const n = args.push(likePattern(q.q.trim()));
      where.push(`(o.name ILIKE $${n} OR o.enterprise_name ILIKE $${n})`);
    }
    if (q.id) where.push(`o.id = $${args.push(q.id)}`);
    const filter = `WHERE ${where.join(' AND ')}`;
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT o.id, o.name, o.enterprise_name AS "enterpriseName", o.employer_id AS "employerId",
                to_char(o.founded_on, 'YYYY-MM-DD') AS "foundedOn", to_char(o.dissolved_on, 'YYYY-MM-DD') AS "dissolvedOn",
                (o.founded_on <= $1::date AND (o.dissolved_on IS NULL OR o.dissolved_on > $1::date)) AS "exists",
                c.members, to_char(c.counted_on, 'YYYY-MM-DD') AS "countedOn", o.revision,
                coalesce((SELECT json_agg(json_build_object('year', r.year, 'level', r.level) ORDER BY r.year)
                          FROM workers_home_ratings r WHERE r.organisation_id = o.id), '[]'::json) AS "workersHomeRatings"
         FROM organisations o
         LEFT JOIN LATERAL (SELECT members, counted_on FROM organisation_member_counts m
                            WHERE m.organisation_id = o.id AND m.counted_on <= $1::date
                            ORDER BY m.counted_on DESC LIMIT 1) c ON true
         ${filter} ORDER BY o.name, o.id OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}`,
        args,
      ),
      this.ds.query<{ total: string }[]>(`SELECT count(*) AS total FROM organisations o ${filter}`, args),
    ]);
    const items = rows.map((r: Record<string, unknown>) => ({
      ...r,
      on: q.on,
      members: r.exists ? Number(r.members ?? 0) : 0,
      countedOn: r.exists ? (r.countedOn as string | null) : null,
      revision: Number(r.revision),
    }));
    return { items, page, pageSize, total: Number(total) };
  }

  async memberCounts(id: string): Promise<{ countedOn: string; members: number }[]> {
    return this.ds.query(
      `SELECT to_char(counted_on, 'YYYY-MM-DD') AS "countedOn", members FROM organisation_member_counts WHERE organisation_id = $1 ORDER BY counted_on`,
      [id],
    );
  }
}
