import { allMigrations, migrationTimestamp } from './migrations.js';

describe('the one migration history', () => {
  const names = () => allMigrations().map((m) => new m().name);

  it('gathers every library’s migrations, ordered by timestamp, the event log first', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'Foundation1764000000000', // libs/event-store
        'ProjectionCheckpoints1764000000010', // libs/projections
        'IdempotencyKeys1764000000020', // libs/platform (the command path)
        'DisputeReadModels1764000000030', // libs/read-models
        'StaffCredentials1764000000100', // libs/auth
        'Parties1764000000200', // libs/read-models
        'ProjectionsAsData1764000000470', // libs/read-models
        'RefreshTokens1764000000810', // libs/auth
        'IdempotencyClaims1764000000300', // libs/platform
        'AuditAnchors1764000001300', // libs/audit
        'AuditSnapshots1764000001600', // libs/audit
      ]),
    );
    expect(names()[0]).toBe('Foundation1764000000000');
    const stamps = allMigrations().map(migrationTimestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
