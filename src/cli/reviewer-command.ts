import { createInterface } from 'node:readline/promises';
import { ReviewerAccounts } from '../review/index.js';

/**
 * `plan-ingest reviewer add <name> --out DIR`: creates a local reviewer
 * account for the review page of DIR (or sets a new password). The password
 * is read from stdin (one line), or asked for without echo on a terminal.
 */
export async function reviewerAddCommand(name: string, o: { out: string; admin?: boolean }): Promise<void> {
  const password = process.stdin.isTTY ? await ask(`password for ${name}: `) : await firstLine();
  await new ReviewerAccounts(o.out).set(name, password, o.admin ? 'admin' : 'reviewer');
  process.stdout.write(`${o.admin ? 'admin' : 'reviewer'} ${name} can sign in to the review page of ${o.out}${o.admin ? ' and open its queue dashboard' : ''}\n`);
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // typed characters are not echoed
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) process.stdout.write(question);
  };
  const answer = await rl.question(question);
  rl.close();
  process.stdout.write('\n');
  return answer;
}
