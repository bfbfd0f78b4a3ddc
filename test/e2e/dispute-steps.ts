import { beijingDay } from '#domain';
import type { StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

/** What every command answers. */
export interface Answer {
  id: string;
  revision: number;
  position: string;
  [sub: string]: unknown;
}

/** A group wage case opened by `as` (who becomes its mediator); answers the case page as of the opening. */
export async function openCase(as: StaffAgent, overrides: Record<string, unknown> = {}, claimants = 3) {
  const opened = await as.post('/api/disputes').send(aGroupWageDispute(overrides, claimants)).expect(201);
  const page = await casePage(as, opened.body.id, opened.body.position);
  return { id: opened.body.id as string, answer: opened.body as Answer, page, claimantIds: page.claimants.map((c: { claimantId: string }) => c.claimantId) as string[] };
}

/** An opened case, its intake accepted (an agreement and money follow intake). */
export async function acceptedCase(as: StaffAgent, overrides: Record<string, unknown> = {}, claimants = 3) {
  const c = await openCase(as, overrides, claimants);
  const accepted = await as.post(`/api/disputes/${c.id}/accept`).expect(200);
  return { ...c, accepted: accepted.body as Answer };
}

/** The case page once the read model has caught up with `position`. */
export async function casePage(as: StaffAgent, id: string, position: string) {
  return (await as.get(`/api/disputes/${id}`).query({ minPosition: position }).expect(200)).body;
}

export async function timeline(as: StaffAgent, id: string, position: string, lang: 'zh-CN' | 'en') {
  const res = await as.get(`/api/disputes/${id}/timeline`).set('Accept-Language', lang).query({ minPosition: position }).expect(200);
  return res.body as { type: string; description: string }[];
}

/** POSTs a command on a case and expects `status`; answers the body. */
export async function command(as: StaffAgent, id: string, path: string, body: object | undefined, status: number) {
  const req = as.post(`/api/disputes/${id}/${path}`);
  const res = await (body === undefined ? req : req.send(body));
  if (res.status !== status) throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const fieldsOf = (problem: { errors?: { field: string }[] }) => (problem.errors ?? []).map((e) => e.field).sort();

/**
 * Today in Beijing. A referral is dated when it is recorded (now), and its answer may not come
 * before it, nor after today: a test that answers a referral answers it today.
 */
export const todayInBeijing = (): string => beijingDay(new Date().toISOString());
