import { AidFunds1764000000660 } from './1764000000660-aid-funds.js';
import { DisputeReadModels1764000000030 } from './1764000000030-dispute-read-models.js';
import { Parties1764000000200 } from './1764000000200-parties.js';
import { AidPeople1764000000740 } from './1764000000740-aid-people.js';
import { ProjectionsAsData1764000000470 } from './1764000000470-projections-as-data.js';
import { Deadlines1764000001212 } from './1764000001212-deadlines.js';
import { ItemDeadlines1764000001400 } from './1764000001400-item-deadlines.js';
import { Recoveries1764000000720 } from './1764000000720-recoveries.js';
import { ReportFacts1764000001500 } from './1764000001500-report-facts.js';
import { MediatorSince1764000001950 } from './1764000001950-mediator-since.js';
import { ClaimantIdVerified1764000002000 } from './1764000002000-claimant-id-verified.js';

/** The read models' share of the one migration history (assembled, in order, in libs/platform). */
export const READ_MODEL_MIGRATIONS = [DisputeReadModels1764000000030, Parties1764000000200, ProjectionsAsData1764000000470, AidFunds1764000000660, Recoveries1764000000720, AidPeople1764000000740, Deadlines1764000001212, ItemDeadlines1764000001400, ReportFacts1764000001500, MediatorSince1764000001950, ClaimantIdVerified1764000002000];
