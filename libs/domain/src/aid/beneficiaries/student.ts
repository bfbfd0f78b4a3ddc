import type { IsoDay } from '../../shared/dates.js';
import type { Command } from '../../shared/command.js';
import type { Decider, DomainEvent } from '../../shared/messages.js';
import { requireDay, requireRecorder, text } from './beneficiary.checks.js';
import { beneficiaryRules as broken } from './beneficiary.errors.js';

/** A child of a household in hardship (金秋助学): one stream per student, naming its household file. */
export const studentStreamName = (studentId: string): string => `aid-student-${studentId}`;

/** `household` is the household file as the application found it (null: no such file). */
export type RegisterStudent = Command<
  'RegisterStudent',
  { studentId: string; household: { householdId: string } | null; householdId: string; name: string; school: string; grade: string }
>;
/** A new school year or a new school, from the day it applies. */
export type UpdateStudentSchooling = Command<
  'UpdateStudentSchooling',
  { studentId: string; school: string; grade: string; effectiveOn: string }
>;
export type StudentCommand = RegisterStudent | UpdateStudentSchooling;

export type StudentRegistered = DomainEvent<
  'StudentRegistered',
  { studentId: string; householdId: string; name: string; school: string; grade: string; registeredBy: string }
>;
export type StudentSchoolingUpdated = DomainEvent<
  'StudentSchoolingUpdated',
  { studentId: string; school: string; grade: string; effectiveOn: IsoDay; updatedBy: string }
>;
export type StudentEvent = StudentRegistered | StudentSchoolingUpdated;

export interface Schooling {
  readonly school: string;
  readonly grade: string;
  /** null: as registered (before any update). */
  readonly effectiveOn: IsoDay | null;
}
export interface Student {
  readonly studentId: string;
  readonly householdId: string;
  readonly name: string;
  /** Oldest first. */
  readonly schooling: readonly Schooling[];
}
export type StudentState = Student | null;

function evolve(state: StudentState, event: StudentEvent): StudentState {
  switch (event.type) {
    case 'StudentRegistered': {
      const { studentId, householdId, name, school, grade } = event.data;
      return { studentId, householdId, name, schooling: [{ school, grade, effectiveOn: null }] };
    }
    case 'StudentSchoolingUpdated': {
      const { school, grade, effectiveOn } = event.data;
      return state && { ...state, schooling: [...state.schooling, { school, grade, effectiveOn }] };
    }
    default:
      void (event satisfies never);
      return state;
  }
}

/** The school and grade on `day`: the latest update in force then, or what was registered. */
export function schoolingOn(state: Student, day: IsoDay): Schooling {
  const inForce = state.schooling.filter((s) => s.effectiveOn === null || s.effectiveOn <= day);
  return inForce.reduce((a, b) => ((b.effectiveOn ?? '') >= (a.effectiveOn ?? '') ? b : a), state.schooling[0]!);
}

function registerStudent({ data, ctx }: RegisterStudent, state: StudentState): StudentEvent[] {
  requireRecorder(ctx);
  if (state) broken.studentAlreadyRegistered(state.studentId);
  const household = data.household ?? broken.householdNotFound(data.householdId);
  const name = text(data.name) || broken.nameRequired('studentName');
  const school = text(data.school) || broken.textRequired('school');
  const grade = text(data.grade) || broken.textRequired('grade');
  return [
    {
      type: 'StudentRegistered',
      data: { studentId: data.studentId, householdId: household.householdId, name, school, grade, registeredBy: ctx.actor.staffId },
    },
  ];
}

function updateSchooling({ data, ctx }: UpdateStudentSchooling, state: StudentState): StudentEvent[] {
  requireRecorder(ctx);
  const student = state ?? broken.studentNotFound(data.studentId);
  const school = text(data.school) || broken.textRequired('school');
  const grade = text(data.grade) || broken.textRequired('grade');
  const effectiveOn = requireDay('effectiveOn', data.effectiveOn, ctx.now);
  const current = schoolingOn(student, effectiveOn);
  if (current.school === school && current.grade === grade) return [];
  return [{ type: 'StudentSchoolingUpdated', data: { studentId: student.studentId, school, grade, effectiveOn, updatedBy: ctx.actor.staffId } }];
}

function decide(command: StudentCommand, state: StudentState): StudentEvent[] {
  switch (command.type) {
    case 'RegisterStudent':
      return registerStudent(command, state);
    case 'UpdateStudentSchooling':
      return updateSchooling(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown student command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const studentDecider: Decider<StudentState, StudentCommand, StudentEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
