import type { AnyProjection } from '#projections';
import { aidFundsProjection } from './aid-funds.projection.js';
import { deadlinesProjection } from './deadlines.projection.js';
import { aidPeopleProjection } from './aid-people.projection.js';
import { disputeCasesProjection } from './dispute-cases.projection.js';
import { partiesProjection } from './parties.projection.js';
import { recoveriesProjection } from './recoveries.projection.js';
import { reportFactsProjection } from './report-facts.projection.js';
import { staffProjection } from './staff.projection.js';

export const ALL_PROJECTIONS: readonly AnyProjection[] = [disputeCasesProjection, partiesProjection, deadlinesProjection, staffProjection, recoveriesProjection, aidPeopleProjection, aidFundsProjection, reportFactsProjection];
