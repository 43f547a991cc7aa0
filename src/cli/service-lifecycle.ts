/**
 * Runs `stop` once on SIGINT or SIGTERM (a second signal exits at once), so
 * that services close their workers and Redis cleanly.
 */
export function onShutdown(stop: (signal: string) => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`${signal}: finishing running jobs (send again to quit at once)\n`);
      void stop(signal)
        .catch((e: unknown) => process.stderr.write(`plan-ingest: while stopping: ${(e as Error)?.message ?? String(e)}\n`))
        .finally(resolve);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
