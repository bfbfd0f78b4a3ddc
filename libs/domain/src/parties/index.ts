export {
  validateResidentId,
  maskResidentId,
  residentIdCheckChar,
  type ResidentIdCheck,
  type ResidentIdProblem,
} from './resident-id.js';
export { maskPhone, maskPhonesIn } from './phone.js';
export { normalisePersonName } from './person-name.js';
export { validateCreditCode, creditCodeCheckChar, type CreditCodeCheck, type CreditCodeProblem } from './credit-code.js';
export {
  workerDecider,
  workerStreamName,
  type RegisterWorker,
  type UpdateWorkerContact,
  type WorkerCommand,
  type WorkerRegistered,
  type WorkerContactUpdated,
  type WorkerEvent,
  type Worker,
  type WorkerState,
} from './worker.js';
export {
  employerDecider,
  employerStreamName,
  type RegisterEmployer,
  type EmployerCommand,
  type EmployerRegistered,
  type EmployerEvent,
  type Employer,
  type EmployerState,
} from './employer.js';
export { PARTY_ERROR_CODES, type PartyErrorCode } from './party.errors.js';
export {
  identityReservationDecider,
  identityReservationStreamName,
  type IdentityKind,
  type IdentityReservation,
  type IdentityReservationCommand,
  type IdentityReservationEvent,
  type IdentityReserved,
  type IdentityReleased,
  type ReserveIdentity,
  type ReleaseIdentity,
} from './identity-reservation.js';
