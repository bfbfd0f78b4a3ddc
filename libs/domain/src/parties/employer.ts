import type { Command } from '../shared/command.js';
import type { Decider, DomainEvent } from '../shared/messages.js';
import { validateCreditCode } from './credit-code.js';
import { partyRules as broken } from './party.errors.js';

/** An employer (用人单位), the respondent in disputes and the debtor in wage recovery. */
export const employerStreamName = (employerId: string): string => `employer-${employerId}`;


/**
 * The credit code is optional: small workshops and sole traders the union deals with often
 * cannot show one when a dispute is taken in.
 */
export type RegisterEmployer = Command<
  'RegisterEmployer',
  { employerId: string; name: string; creditCode?: string; address?: string; contact?: string }
>;
export type EmployerCommand = RegisterEmployer;

export type EmployerRegistered = DomainEvent<
  'EmployerRegistered',
  {
    employerId: string;
    name: string;
    /** Checked and normalised to upper case. */
    creditCode?: string;
    address?: string;
    /** Contact person and phone, as the clerk wrote them. */
    contact?: string;
  }
>;
export type EmployerEvent = EmployerRegistered;

export interface Employer {
  readonly employerId: string;
  readonly name: string;
  readonly creditCode: string | null;
  readonly address: string | null;
  readonly contact: string | null;
}
/** null until the employer is registered. */
export type EmployerState = Employer | null;

function evolve(state: EmployerState, event: EmployerEvent): EmployerState {
  switch (event.type) {
    case 'EmployerRegistered': {
      const { employerId, name, creditCode, address, contact } = event.data;
      return { employerId, name, creditCode: creditCode ?? null, address: address ?? null, contact: contact ?? null };
    }
    default:
      void (event.type satisfies never);
      return state;
  }
}

function registerEmployer({ data }: RegisterEmployer, state: EmployerState): EmployerEvent[] {
  if (state) broken.employerAlreadyRegistered(data.employerId);
  const name = (typeof data.name === 'string' ? data.name.trim() : '') || broken.nameRequired();
  let creditCode: string | undefined;
  if (data.creditCode?.trim()) {
    const check = validateCreditCode(data.creditCode);
    if (!check.ok) return broken.creditCodeInvalid(check.reason);
    creditCode = check.normalized;
  }
  const address = data.address?.trim();
  const contact = data.contact?.trim();
  return [
    {
      type: 'EmployerRegistered',
      data: {
        employerId: data.employerId,
        name,
        ...(creditCode ? { creditCode } : {}),
        ...(address ? { address } : {}),
        ...(contact ? { contact } : {}),
      },
    },
  ];
}

function decide(command: EmployerCommand, state: EmployerState): EmployerEvent[] {
  switch (command.type) {
    case 'RegisterEmployer':
      return registerEmployer(command, state);
    default: {
      const unhandled: never = command.type;
      throw new Error(`Unknown employer command: ${String(unhandled)}`);
    }
  }
}

export const employerDecider: Decider<EmployerState, EmployerCommand, EmployerEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
