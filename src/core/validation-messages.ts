import type { z } from 'zod';

/**
 * A zod failure as plain lines for a person: one line per problem,
 * `<what>: <message>` ("reviewer name: must be 1–64 letters, digits, '.',
 * '_' or '-'"), never zod's JSON. `labels` names the fields by their path
 * ("name" → "reviewer name"); a path without a label is shown dotted
 * ("options.ocrDpi"), and the root by `labels['']` when given.
 */
export function validationMessages(error: z.ZodError, labels: Record<string, string> = {}): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const label = labels[path] ?? (path || labels[''] || '');
    return label ? `${label}: ${issue.message}` : issue.message;
  });
}
