import type { RecordedIssue, StageName } from '../../schemas/index.js';

/**
 * Collects the issues stages record on a document. Stages receive a
 * stage-bound recorder so they cannot mislabel their issues.
 */
export class IssueLog {
  readonly #issues: RecordedIssue[];

  /** @param recorded issues recorded earlier (by another process, for a document in the queue) */
  constructor(recorded: readonly RecordedIssue[] = []) {
    this.#issues = [...recorded];
  }

  /** A recorder that stamps every issue with `stage`. */
  forStage(stage: StageName): IssueRecorder {
    return {
      record: (code, message, opts = {}) => {
        this.#issues.push({ stage, code, message, page: opts.page ?? null, severity: opts.severity ?? 'warning' });
      },
    };
  }

  all(): RecordedIssue[] {
    return [...this.#issues];
  }

  hasErrors(): boolean {
    return this.#issues.some((i) => i.severity === 'error');
  }
}

export interface IssueRecorder {
  /**
   * Record something odd and go on.
   * @param code stable kebab-case code ("text-layer-empty")
   * @param opts.page 1-based page, omitted for document-wide issues
   * @param opts.severity default "warning"; "error" makes the document a partial success
   */
  record(code: string, message: string, opts?: { page?: number; severity?: RecordedIssue['severity'] }): void;
}
