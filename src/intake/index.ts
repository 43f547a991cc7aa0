/** Intake: what may enter the pipeline, and what it is. */
export { intakeFile, type IntakeOptions } from './intake-file.js';
export { expandInputs, hiddenInFolders } from './expand-inputs.js';
export { sniffType, SUPPORTED_EXTENSIONS } from './file-type.js';
export { watchInbox, isTempName, type InboxWatchOptions } from './inbox-watcher.js';
export { notRegularFile } from './regular-file.js';
