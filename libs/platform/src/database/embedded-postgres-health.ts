import type { HealthIndicator } from '../health-indicators.js';
import type { DatabaseStatusSource } from './embedded-database-supervisor.js';

/** The /health line of the embedded PostgreSQL: down with the reason (a full disk) while it is restarted. */
export function embeddedPostgresHealth(source: DatabaseStatusSource): HealthIndicator {
  return {
    name: 'embedded-postgres',
    check: async () => {
      const s = source.status();
      if (!s.up) throw new Error(`${s.reason ?? 'stopped'}; restarts so far: ${s.restarts}`);
      return { restarts: s.restarts };
    },
  };
}
