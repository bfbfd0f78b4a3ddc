import { startTestApp } from '../support/test-app.js';

// A file of its own: nestjs-pino keeps one root logger per module registry, so the captured
// log must belong to the only app of this file.
describe('first run without an administrator', () => {
  it('says in the log exactly how to create the first administrator', async () => {
    const logs: string[] = [];
    const t = await startTestApp({ LOG_LEVEL: 'info', ADMIN_USERNAME: '', ADMIN_PASSWORD: '' }, { logs });
    try {
      expect(logs.join('')).toMatch(/No staff accounts exist yet/);
      expect(logs.join('')).toMatch(/npm run staff:create -- --username admin/);
      await t.http().post('/api/auth/login').send({ username: 'admin', password: 'admin-password-123' }).expect(401);
    } finally {
      await t.close();
    }
  });
});
