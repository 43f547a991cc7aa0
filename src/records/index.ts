/** Records: indicators and assignments, normalized. */
export { extractRecords } from './extract-records.js';
export { parseTimeline } from '../lexicon/index.js';
export { columnRole } from '../lexicon/index.js';
export { splitAgencies } from './agency-list.js';
export { splitLeadCell } from './agency-list.js';
export { parseTarget, parseTargets } from './target-parser.js';
export { AgencyRegistry, loadAgencyRegistry, addLearnedAliases, readPerson } from './agency-registry.js';
