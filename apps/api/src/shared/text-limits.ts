/** Field lengths, in characters (Chinese counts one per character). */
export const NAME = 200;
export const TITLE = 300;
/** Narratives: descriptions, summaries, answers, terms. */
export const LONG_TEXT = 20_000;
