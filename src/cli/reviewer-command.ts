import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { ReviewerAccount } from '../../schemas/index.js';
import { validationMessages } from '../core/index.js';
import { usageError } from './conventions.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { tell } from './verbosity.js';

/** The review stage, imported when a reviewer command runs (it brings the web server; see main.ts). */
const review = () => import('../review/index.js');

/** A bad name is refused before a password is asked for, in words: "reviewer name: must be 1–64 letters, …". */
function checkName(name: string): void {
  const parsed = ReviewerAccount.shape.name.safeParse(name);
  if (!parsed.success) throw usageError(validationMessages(parsed.error, { '': 'reviewer name' }).join('; '));
}

/** The password from stdin (one line), or asked for without echo on a terminal; too short is a usage error. */
async function readPassword(name: string): Promise<string> {
  const { MIN_PASSWORD_LENGTH } = await review();
  const password = process.stdin.isTTY ? await ask(`password for ${name}: `) : await firstLine();
  if (password.length < MIN_PASSWORD_LENGTH) throw usageError(`password: must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

/**
 * `plan-ingest reviewer add <name> --out DIR`: creates a local reviewer
 * account for the review page of DIR (or sets a new password). The password
 * is read from stdin (one line), or asked for without echo on a terminal.
 */
export async function reviewerAddCommand(name: string, o: { out: string; admin?: boolean }): Promise<ExitCode> {
  checkName(name);
  const password = await readPassword(name);
  await new (await review()).ReviewerAccounts(o.out).set(name, password, o.admin ? 'admin' : 'reviewer');
  tell(`${o.admin ? 'admin' : 'reviewer'} ${name} can sign in to the review page of ${o.out}${o.admin ? ' and open its queue dashboard' : ''}`, 'stdout');
  return EXIT.ok;
}

/** `plan-ingest reviewer list --out DIR`: one line per reviewer, `name<TAB>role<TAB>created`, on stdout. */
export async function reviewerListCommand(o: { out: string }): Promise<ExitCode> {
  const accounts = await new (await review()).ReviewerAccounts(o.out).all();
  for (const a of accounts) process.stdout.write(`${a.name}\t${a.role}\t${a.created}\n`);
  if (!accounts.length) tell(`no reviewers for ${o.out} (plan-ingest reviewer add <name> --out ${o.out})`);
  return EXIT.ok;
}

/** `plan-ingest reviewer remove <name> --out DIR`: the account is gone; its next sign-in is refused. */
export async function reviewerRemoveCommand(name: string, o: { out: string }): Promise<ExitCode> {
  checkName(name);
  if (!(await new (await review()).ReviewerAccounts(o.out).remove(name))) {
    process.stderr.write(`plan-ingest: no reviewer named ${name} for ${o.out}\n`);
    return EXIT.error;
  }
  tell(`reviewer ${name} removed from ${o.out}`, 'stdout');
  return EXIT.ok;
}

/** `plan-ingest reviewer passwd <name> --out DIR`: a new password for an existing reviewer, role kept. */
export async function reviewerPasswdCommand(name: string, o: { out: string }): Promise<ExitCode> {
  checkName(name);
  const accounts = new (await review()).ReviewerAccounts(o.out);
  const account = (await accounts.all()).find((a) => a.name === name);
  if (!account) {
    process.stderr.write(`plan-ingest: no reviewer named ${name} for ${o.out} (plan-ingest reviewer add ${name} --out ${o.out})\n`);
    return EXIT.error;
  }
  await accounts.set(name, await readPassword(name), account.role);
  tell(`new password set for ${name}`, 'stdout');
  return EXIT.ok;
}

/** `reviewer list | remove | passwd`, beside `reviewer add` (defined in main.ts). */
export function registerReviewerCommands(reviewer: Command): void {
  const run = (code: Promise<ExitCode>): Promise<void> => code.then((c) => void (process.exitCode = c));
  reviewer
    .command('list')
    .description('the reviewers of an output folder: name, role, created (tab-separated, on stdout)')
    .requiredOption('-o, --out <dir>', 'the output folder')
    .action((o: { out: string }) => run(reviewerListCommand(o)));
  reviewer
    .command('remove')
    .description('remove a reviewer: their next sign-in is refused')
    .argument('<name>', 'sign-in name')
    .requiredOption('-o, --out <dir>', 'the output folder')
    .action((name: string, o: { out: string }) => run(reviewerRemoveCommand(name, o)));
  reviewer
    .command('passwd')
    .description('set a new password for a reviewer (read from stdin, or asked for on a terminal); the role is kept')
    .argument('<name>', 'sign-in name')
    .requiredOption('-o, --out <dir>', 'the output folder')
    .action((name: string, o: { out: string }) => run(reviewerPasswdCommand(name, o)));
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
  // the prompt on stderr: stdout stays for results
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // typed characters are not echoed
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) process.stderr.write(question);
  };
  const answer = await rl.question(question);
  rl.close();
  process.stderr.write('\n');
  return answer;
}
