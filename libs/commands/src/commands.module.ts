import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock.js';
import { Commands } from './commands.service.js';

/** The command path and its clock, for every app (API, worker, CLI). Needs the event store (InfrastructureModule). */
@Global()
@Module({
  providers: [Commands, { provide: CLOCK, useValue: systemClock }],
  exports: [Commands, CLOCK],
})
export class CommandsModule {}
