import type { Response } from 'express';

/**
 * Writes each item as it is read, waiting when the client is slower than the database, so an
 * export of the whole log never sits in memory. An error after the first byte ends the answer
 * abruptly (the client sees a truncated download, never a silently short one).
 */
export async function writeLines<T>(res: Response, items: AsyncIterable<T>, line: (item: T) => string, prefix = ''): Promise<void> {
  try {
    if (prefix) res.write(prefix);
    for await (const item of items) {
      if (res.destroyed) return;
      if (!res.write(line(item))) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy(error as Error);
  }
}
