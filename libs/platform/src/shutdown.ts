import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * An orderly stop under way. From its start (SIGINT/SIGTERM, or the application closing)
 * database connections going away are the stop's own doing: expected, not warned about.
 * The signal is only observed here; the app's main decides what a signal does.
 */
@Injectable()
export class OrderlyShutdown implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly controller = new AbortController();
  private readonly onSignal = (signal: NodeJS.Signals) => this.begin(signal);

  get underway(): boolean {
    return this.controller.signal.aborted;
  }

  /** Aborts when the stop begins: long-running loops end before the database goes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  begin(reason: string): void {
    if (!this.underway) this.controller.abort(reason);
  }

  onApplicationBootstrap(): void {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  beforeApplicationShutdown(): void {
    this.begin('application closing');
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}

/**
 * PostgreSQL ended the connection because it was told to stop (a fast shutdown: Ctrl-C reaches
 * the embedded server too) or an administrator ended the session: a clean event. The pool
 * replaces the connection on its next use; a server that stays away is /health's to report.
 */
export function isServerShutdown(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '57P01' || code === '57P03';
}
