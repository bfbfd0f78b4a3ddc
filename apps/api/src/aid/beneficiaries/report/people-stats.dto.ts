import { ApiProperty } from '@nestjs/swagger';

export class PeopleFigure {
  @ApiProperty({ type: 'integer' }) value!: number;
  @ApiProperty({ description: 'What the figure counts, in the language asked for' }) definition!: string;
}

export class FigureOnDay extends PeopleFigure {
  @ApiProperty({ format: 'date' }) on!: string;
}

export class ModelWorkersByLevel {
  @ApiProperty({ type: 'integer' }) national!: number;
  @ApiProperty({ type: 'integer' }) municipal!: number;
  @ApiProperty({ type: 'integer' }) district!: number;
}

export class ModelWorkersOnRollFigure extends FigureOnDay {
  @ApiProperty({ type: 'integer', description: 'National and municipal titles together (国家、市级劳动模范和先进工作者)' }) nationalOrMunicipal!: number;
  @ApiProperty({ type: ModelWorkersByLevel }) byLevel!: ModelWorkersByLevel;
}

export class YearFigure {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) value!: number;
}

export class WorkersHomesFigure extends PeopleFigure {
  @ApiProperty({ type: [YearFigure] }) byYear!: YearFigure[];
}

export class PeopleStatsAnswer {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: PeopleFigure }) householdsVisited!: PeopleFigure;
  @ApiProperty({ type: PeopleFigure }) householdPersonVisits!: PeopleFigure;
  @ApiProperty({ type: PeopleFigure }) modelWorkerPersonVisits!: PeopleFigure;
  @ApiProperty({ type: PeopleFigure }) modelWorkersVisited!: PeopleFigure;
  @ApiProperty({ type: ModelWorkersOnRollFigure }) modelWorkersOnRoll!: ModelWorkersOnRollFigure;
  @ApiProperty({ type: FigureOnDay }) organisationsAtStart!: FigureOnDay;
  @ApiProperty({ type: FigureOnDay }) membersAtStart!: FigureOnDay;
  @ApiProperty({ type: FigureOnDay }) organisationsAtEnd!: FigureOnDay;
  @ApiProperty({ type: FigureOnDay }) membersAtEnd!: FigureOnDay;
  @ApiProperty({ type: WorkersHomesFigure }) workersHomesRated!: WorkersHomesFigure;
}
