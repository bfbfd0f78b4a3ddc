import type { Aggregate } from '#commands';
import {
  careVisitDecider,
  careVisitStreamName,
  householdFileDecider,
  householdStreamName,
  modelWorkerDecider,
  modelWorkerStreamName,
  organisationDecider,
  organisationStreamName,
  studentDecider,
  studentStreamName,
  type CareVisitCommand,
  type CareVisitEvent,
  type CareVisitState,
  type HouseholdFileCommand,
  type HouseholdFileEvent,
  type HouseholdFileState,
  type ModelWorkerCommand,
  type ModelWorkerEvent,
  type ModelWorkerState,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
  type StudentCommand,
  type StudentEvent,
  type StudentState,
} from '#domain';

/** The beneficiary files for the command path: one stream each, named by the command's id. */
export const households: Aggregate<HouseholdFileState, HouseholdFileCommand, HouseholdFileEvent> = {
  decider: householdFileDecider,
  streamOf: (command) => householdStreamName(command.data.householdId),
};

export const modelWorkers: Aggregate<ModelWorkerState, ModelWorkerCommand, ModelWorkerEvent> = {
  decider: modelWorkerDecider,
  streamOf: (command) => modelWorkerStreamName(command.data.modelWorkerId),
};

export const students: Aggregate<StudentState, StudentCommand, StudentEvent> = {
  decider: studentDecider,
  streamOf: (command) => studentStreamName(command.data.studentId),
};

export const organisations: Aggregate<OrganisationState, OrganisationCommand, OrganisationEvent> = {
  decider: organisationDecider,
  streamOf: (command) => organisationStreamName(command.data.organisationId),
};

export const careVisits: Aggregate<CareVisitState, CareVisitCommand, CareVisitEvent> = {
  decider: careVisitDecider,
  streamOf: (command) => careVisitStreamName(command.data.visitId),
};
