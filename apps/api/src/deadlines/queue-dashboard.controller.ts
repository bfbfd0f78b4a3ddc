import { Body, Controller, Get, Next, Post, Put, Query, Req, Res, type OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Allowed } from '#auth';
import { DeadlineQueue } from '#jobs';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The query parameters the dashboard's own pages and API send (the request-shape guard refuses others). */
class DashboardQuery {
  @IsOptional() @IsString() @MaxLength(200) activeQueue?: string;
  @IsOptional() @IsString() @MaxLength(200) status?: string;
  @IsOptional() @IsString() @MaxLength(20) page?: string;
  @IsOptional() @IsString() @MaxLength(20) jobsPerPage?: string;
  @IsOptional() @IsString() @MaxLength(200) queueName?: string;
  @IsOptional() @IsString() @MaxLength(20) depth?: string;
  @IsOptional() @IsString() @MaxLength(20) maxChildren?: string;
  @IsOptional() @IsString() @MaxLength(200) root?: string;
  @IsOptional() @IsString() @MaxLength(200) percentiles?: string;
  @IsOptional() @IsString() @MaxLength(40) from?: string;
  @IsOptional() @IsString() @MaxLength(40) to?: string;
}

/**
 * The job dashboard (@bull-board, its Express adapter) at /admin/queues, for administrators
 * only: a Nest route, so the auth guard and the role check run before the dashboard's router
 * sees the request (a bearer token is needed, as on every route).
 */
@ApiExcludeController()
@Controller('admin/queues')
@Allowed('administrator')
export class QueueDashboardController implements OnModuleInit {
  private router!: (req: Request, res: Response, next: NextFunction) => void;

  constructor(private readonly deadlines: DeadlineQueue) {}

  onModuleInit(): void {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(this.deadlines.queue as never, { readOnlyMode: false })], serverAdapter: adapter });
    this.router = adapter.getRouter();
  }

  // Reads are GET, actions (retry, promote, clean, add) PUT and POST. Its PATCH actions (editing a
  // job's data, delay or priority, a scheduler) are not offered: a deadline job is derived, not edited.
  @Get(['', '*path'])
  read(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction, @Query() _query: DashboardQuery): void {
    this.serve(req, res, next);
  }

  @Put('*path')
  put(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction, @Query() _query: DashboardQuery, @Body() _body: unknown): void {
    this.serve(req, res, next);
  }

  @Post('*path')
  post(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction, @Query() _query: DashboardQuery, @Body() _body: unknown): void {
    this.serve(req, res, next);
  }

  /** Hands the request to the dashboard's router as if it were mounted at the base path. */
  private serve(req: Request, res: Response, next: NextFunction): void {
    const url = req.originalUrl.slice(QUEUE_DASHBOARD_PATH.length) || '/';
    Object.assign(req, { url: url.startsWith('/') ? url : `/${url}`, baseUrl: QUEUE_DASHBOARD_PATH });
    this.router(req, res, next);
  }
}
