// What a cadre did toward their duties (trainings attended, key enterprises visited), one
// stream per cadre; follow-ups come from the cases themselves.
import type { Command } from '../shared/command.js';
import { happenedProblem, parseIsoDay, type IsoDay } from '../shared/dates.js';
import type { Decider, DomainEvent } from '../shared/messages.js';
import { deadlineRules as broken } from './deadline.errors.js';

export const CADRE_ACTIVITY_KINDS = ['training', 'key_enterprise_visit'] as const;
export type CadreActivityKind = (typeof CADRE_ACTIVITY_KINDS)[number];

export const cadreStreamName = (cadreId: string): string => `cadre-${cadreId}`;

export type CadreActivityRecorded = DomainEvent<
  'CadreActivityRecorded',
  { activityId: string; cadreId: string; kind: CadreActivityKind; on: IsoDay; title: string; enterpriseName?: string; employerId?: string; recordedBy: string }
>;
export type CadreActivityEvent = CadreActivityRecorded;

export type RecordCadreActivity = Command<
  'RecordCadreActivity',
  { activityId: string; cadreId: string; kind: CadreActivityKind; on: string; title: string; enterpriseName?: string; employerId?: string }
>;
export type CadreActivityCommand = RecordCadreActivity;

export interface CadreActivities {
  readonly activityIds: readonly string[];
}

export function evolve(state: CadreActivities, event: CadreActivityEvent): CadreActivities {
  return event.type === 'CadreActivityRecorded' ? { activityIds: [...state.activityIds, event.data.activityId] } : state;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A cadre records their own activity; a supervisor anyone's (whether `cadreId` is a cadre is the application's to check). */
export function decide(command: CadreActivityCommand, state: CadreActivities): CadreActivityEvent[] {
  const { data, ctx } = command;
  const own = ctx.actor.role === 'mediator' && ctx.actor.staffId === data.cadreId;
  if (!own && ctx.actor.role !== 'supervisor') broken.cadreOnlyOrSupervisor(data.cadreId);
  if (state.activityIds.includes(data.activityId)) return [];
  const kind = (CADRE_ACTIVITY_KINDS as readonly unknown[]).includes(data.kind) ? data.kind : broken.activityKindUnknown(data.kind);
  const on = parseIsoDay(data.on) ?? broken.activityDateInvalid(data.on, 'not_a_day');
  const problem = happenedProblem({ kind: 'date', text: on, beijingDay: on }, ctx.now);
  if (problem) broken.activityDateInvalid(on, problem);
  const title = text(data.title) || broken.activityTitleRequired();
  const enterpriseName = text(data.enterpriseName);
  if (kind === 'key_enterprise_visit' && !enterpriseName) broken.enterpriseRequired();
  return [
    {
      type: 'CadreActivityRecorded',
      data: {
        activityId: data.activityId,
        cadreId: data.cadreId,
        kind,
        on,
        title,
        ...(enterpriseName ? { enterpriseName } : {}),
        ...(data.employerId ? { employerId: data.employerId } : {}),
        recordedBy: ctx.actor.staffId,
      },
    },
  ];
}

export const cadreActivityDecider: Decider<CadreActivities, CadreActivityCommand, CadreActivityEvent> = {
  initialState: () => ({ activityIds: [] }),
  evolve,
  decide,
};
