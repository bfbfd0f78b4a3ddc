import type { Projection } from '#projections';
import { disputeCasesProjection } from './dispute-cases.projection.js';
import { partiesProjection } from './parties.projection.js';

export const ALL_PROJECTIONS: readonly Projection[] = [disputeCasesProjection, partiesProjection];
