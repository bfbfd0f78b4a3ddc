/** What every command answers: the record changed, its new revision (the ETag) and the log position. */
export interface CommandAnswerBody {
  id: string;
  revision: number;
  /** A Position, as the client sees it: a string to pass back as ?minPosition=. */
  position: string | null;
}

/** The answer, built in this one place from what the loop returned. */
export function commandAnswer(id: string, result: { nextRevision: bigint; position: string | null }): CommandAnswerBody {
  return { id, revision: Number(result.nextRevision), position: result.position };
}
