

import { verifyInclusion, verifyOffline, type CheckpointFile } from '#audit';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { aWorker } from './party-builders.js';
import { openCase, todayInBeijing } from './dispute-steps.js';

/**
 * The auditor's day through the API: a case replayed as of a moment from its events, the log
 * verified, a checkpoint kept outside, the trail exported and checked offline, then the
 * history altered directly in PostgreSQL and every tool naming what changed.
 */
describe('audit through the API', () => {
  let t: TestApp;
  let mediator: StaffAgent;
  let auditor: StaffAgent;
  let caseId: string;
  const positions: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
    auditor = await staffAs(t, 'auditor');
    const opened = await openCase(mediator, {}, 2);
    caseId = opened.id;
    positions.push(opened.answer.position);
    const accept = await mediator.post(`/api/disputes/${caseId}/accept`).expect(200);
    positions.push(accept.body.position);
    const amounts = opened.claimantIds.map((claimantId, i) => ({ claimantId, amountFen: 500_000 + i * 100 }));
    const agreed = await mediator.post(`/api/disputes/${caseId}/agreement`).send({ amounts, terms: '公司于月底前一次付清。', paymentDates: ['2026-03-31'] }).expect(201);
    positions.push(agreed.body.position);
  });
  afterAll(async () => {
    await t.close();
  });

  const body = (res: { body: unknown }) => res.body as Record<string, unknown>;
  const exportAll = async () => (await auditor.get('/api/audit/export').expect(200)).text.split('\n').filter(Boolean);

  it('replays a case as of a log position and as of now, folding its events and re-checking its invariants', async () => {
    const before = body(await auditor.get(`/api/audit/disputes/${caseId}`).query({ asOf: positions[1] }).expect(200));
    expect(before).toMatchObject({ kind: 'disputes', id: caseId, eventsFolded: 2, allHeld: true, chain: { intact: true } });
    expect(before.state).toMatchObject({ status: 'accepted', agreement: null });
    const now = body(await auditor.get(`/api/audit/disputes/${caseId}`).set('Accept-Language', 'en').expect(200));
    expect(now).toMatchObject({ eventsFolded: 3, allHeld: true });
    expect((now.state as { agreement: { totalFen: number } }).agreement.totalFen).toBe(1_000_100);
    expect((now.invariants as { code: string; held: boolean; description: string }[]).map((i) => [i.code, i.held])).toEqual(
      expect.arrayContaining([['AGREEMENT_TOTAL_IS_SUM', true], ['AGREED_CLAIMANTS_ON_CASE', true]]),
    );
    // As of an instant before the case existed: no events folded, no state.
    const earlier = body(await auditor.get(`/api/audit/disputes/${caseId}`).query({ asOf: '2020-01-01T00:00:00+08:00' }).expect(200));
    expect(earlier).toMatchObject({ eventsFolded: 0, state: null, lastEvent: null });
    expect((await auditor.get(`/api/audit/ledgers/${caseId}`).expect(400)).body.errors[0].field).toBe('kind');
    expect((await auditor.get(`/api/audit/disputes/${caseId}`).query({ asOf: '2026-03-01' }).expect(400)).body.errors[0].field).toBe('asOf');
    await auditor.get('/api/audit/disputes/00000000-0000-4000-8000-000000000000').expect(404);
    await mediator.get(`/api/audit/disputes/${caseId}`).expect(403);
  });

  it('gives a case’s timeline as CSV with a BOM, in Chinese by default', async () => {
    const res = await auditor.get(`/api/audit/disputes/${caseId}/timeline.csv`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('版本,日志位置,记录时间,发生时间,操作人,角色,事件类型,说明,哈希');
    expect(lines.slice(1).map((l) => l.split(',')[6])).toEqual(['DisputeCaseOpened', 'IntakeAccepted', 'AgreementReached']);
    // People are named as the case page names them, never by their ids.
    const mediatorId = lines[1].split(',')[4];
    const me = body(await mediator.get('/api/auth/me').expect(200));
    expect(me.staffId).toBe(mediatorId);
    const descriptions = lines.slice(1).map((l) => l.split(',')[7]);
    for (const d of descriptions) {
      expect(d).toContain(String(me.displayName));
      expect(d).not.toContain(mediatorId);
    }
  });

  it('signs checkpoints, proves inclusion and consistency, and an untouched log verifies online and offline', async () => {
    const key = body(await auditor.get('/api/audit/public-key').expect(200));
    expect(key.algorithm).toBe('Ed25519');
    const first = body(await auditor.post('/api/audit/checkpoints').expect(201));
    await mediator.post('/api/workers').send(aWorker(3)).expect(201);
    const second = body(await auditor.post('/api/audit/checkpoints').expect(201));
    expect(((second.checkpoint as { size: number }).size)).toBeGreaterThan((first.checkpoint as { size: number }).size);
    const list = (await auditor.get('/api/audit/checkpoints').expect(200)).body as { id: string }[];
    expect(list.map((c) => c.id).slice(0, 2)).toEqual([second.id, first.id]);

    const verified = body(await auditor.get('/api/audit/verify').expect(200));
    expect(verified).toMatchObject({ ok: true, problems: [] });

    const lines = await exportAll();
    const event = JSON.parse(lines[1]) as { id: string };
    const proof = body(await auditor.get('/api/audit/proofs/inclusion').query({ eventId: event.id, checkpoint: first.id }).expect(200));
    const hex = (s: unknown) => Buffer.from(s as string, 'hex');
    const size = (first.checkpoint as { size: number }).size;
    expect(verifyInclusion(hex(proof.leafHash), proof.leafIndex as number, size, (proof.auditPath as string[]).map(hex), hex((first.checkpoint as { rootHash: string }).rootHash))).toBe(true);
    const consistency = body(await auditor.get('/api/audit/proofs/consistency').query({ from: first.id, to: second.id }).expect(200));
    expect((consistency.proof as string[]).length).toBeGreaterThan(0);
    await auditor.get('/api/audit/proofs/consistency').query({ from: second.id, to: first.id }).expect(422);
    await auditor.get('/api/audit/proofs/inclusion').query({ eventId: '00000000-0000-4000-8000-000000000000' }).expect(404);

    const files = [body(await auditor.get(`/api/audit/checkpoints/${first.id}`).expect(200)), body(await auditor.get(`/api/audit/checkpoints/${second.id}`).expect(200))] as unknown as CheckpointFile[];
    const offline = await verifyOffline(files, lines, { publicKeyPem: key.publicKey as string });
    expect(offline).toMatchObject({ ok: true, problems: [] });
    expect(offline.consistency.map((c) => c.proven)).toEqual([true]);
  });

  it('logs an auditor’s look at a worker’s page (who, whose), never the ID number', async () => {
    const worker = await mediator.post('/api/workers').send(aWorker(9)).expect(201);
    await auditor.get(`/api/workers/${worker.body.id}`).query({ minPosition: worker.body.position }).expect(200);
    const reads = (await auditor.get('/api/audit/reads').query({ subjectId: worker.body.id }).expect(200)).body as { staffId: string; subjectId: string; fullNumbers: boolean }[];
    expect(reads).toEqual([expect.objectContaining({ staffId: auditor.staffId, subjectId: worker.body.id, role: 'auditor', fullNumbers: false })]);
    const stored = await t.sql<{ row: string }>(`SELECT row_to_json(r)::text AS row FROM audit_reads r`);
    expect(stored.map((r) => r.row).join('\n')).not.toContain(aWorker(9).idNumber);
  });

  it('replays a case’s wage-recovery ledger as of a moment, its balance re-checked then', async () => {
    const receipt = await mediator.post(`/api/disputes/${caseId}/recovery/receipts`).send({ amountFen: 300_000, receivedOn: todayInBeijing(), channel: 'bank_transfer', receiptNo: 'R-1' });
    expect([receipt.status, receipt.body.code]).toEqual([201, undefined]);
    const ledger = body(await auditor.get(`/api/audit/recoveries/${caseId}`).query({ asOf: receipt.body.position }).expect(200));
    expect(ledger).toMatchObject({ kind: 'recoveries', stream: `recovery-${caseId}`, allHeld: true, chain: { intact: true } });
    expect(ledger.invariants).toEqual([expect.objectContaining({ code: 'RECOVERY_LEDGER_BALANCED', held: true })]);
    expect(ledger.eventsFolded as number).toBeGreaterThan(0);
  });

  it('after a direct UPDATE of an amount: verify names the stream, revision and event; the kept checkpoint fails the offline check on it', async () => {
    const kept = body(await auditor.get(`/api/audit/checkpoints/${(await auditor.post('/api/audit/checkpoints').expect(201)).body.id}`).expect(200)) as unknown as CheckpointFile;
    const [row] = await t.sql<{ event_id: string }>(`SELECT event_id FROM es_events WHERE stream_name = $1 AND type = 'AgreementReached'`, [`dispute-${caseId}`]);
    await t.sql(`UPDATE es_events SET data = jsonb_set(data, '{totalFen}', '1') WHERE event_id = $1`, [row.event_id]);

    const report = body(await auditor.get('/api/audit/verify').expect(200));
    expect(report.ok).toBe(false);
    expect((report.problems as object[])[0]).toMatchObject({ kind: 'hash_mismatch', streamName: `dispute-${caseId}`, revision: '2', eventId: row.event_id });
    const one = body(await auditor.get('/api/audit/verify').query({ stream: `dispute-${caseId}` }).expect(200));
    expect((one.problems as object[])[0]).toMatchObject({ kind: 'hash_mismatch', eventId: row.event_id });
    // The replay says the state rests on an altered event, and which invariant broke.
    const replay = body(await auditor.get(`/api/audit/disputes/${caseId}`).expect(200));
    expect(replay).toMatchObject({ allHeld: false, chain: { intact: false } });
    expect((replay.invariants as { code: string; held: boolean }[]).find((i) => i.code === 'AGREEMENT_TOTAL_IS_SUM')?.held).toBe(false);
    const offline = await verifyOffline([kept], await exportAll());
    expect(offline.ok).toBe(false);
    expect(offline.problems[0]).toMatchObject({ kind: 'hash_mismatch', eventId: row.event_id });
  });
});
