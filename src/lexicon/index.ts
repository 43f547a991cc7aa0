/**
 * The lexicon: what the pipeline knows about Vietnamese plans, as data
 * (src/lexicon/data/*.json and the agency registry), each file validated by
 * its schema in schemas/lexicon.ts. Between core and the stages: every
 * stage may use it; it uses only core and schemas.
 */
export { fold } from './fold.js';
export { matchColumnHeader, columnRole, foldHeader, headerRolesIn, printedHeader, isHeaderFragmentText, type HeaderMatch } from './column-vocabulary.js';
export {
  agencyHeadAlternation,
  unitHeadingAlternation,
  groupOpenerAlternation,
  agencyKindOf,
  agencyStartsAt,
  isAgencyWord,
  misreadHead,
  isListOpener,
  isLineOpener,
  opensName,
  listGoesOn,
  opensCooperating,
  nameGoesOn,
  endsBeforeLocality,
  startsWithAgencyHead,
  isBareOrgan,
  misreadListHeadAlternation,
  groupAlternation,
  groupNounAlternation,
  capitalisedHeadAlternation,
  opensAgencyCell,
  governmentLevels,
} from './agency-lexicon.js';
export { unitAt, isUnit, gluedUnit } from './unit-lexicon.js';
export { misreadNameOpener } from './name-openers.js';
export { parseTimeline, looksLikeTimeline } from './timeline-parser.js';
export { timelineAlternations, foldedLineEndForms, isYearInSentenceWord, isPeriodHeading, localityAtEnd, opensTimeline } from './timeline-words.js';
export { gazetteerPlaceBeforeDate } from './place-names.js';
export { spelledSignerTitle, deputyTitleUnder, rankAtEnd } from './signature-words.js';
export { documentTypes, respacedTypeHeading, numberedTypeHeading, documentTypeAlternation, namedTypeAlternation, tableKindsNamedBy, startsWithMotto, opensSignature, authorityAtEnd, signerTitleLine, isSurname, surnameSpelled, subjectAfterOpener, opensRecipients, isArchiveEntry, afterRecipientsOpener, isBannerLine, isRank, ranks } from './document-words.js';
export { shippedRegistryFile, userRegistryFile, learnedAliases, registryFiles, registryNames, type UserFileProblem } from './registry-file.js';
export { rowNumberWithStrayMark } from './row-number.js';
export { assignmentOpener, openerInside, proposalBefore, leadMarker, dutyMarker, taskVerb, taskVerbAlternation, namesAgencyFirst, namesGroup, opensPersonTitle, deadlineIn, referenceDeadlineIn, isPeriodPhrase, cooperationAlternation, isProposalType, isPlanType, listPartBreak, groupAfterAnd, topicOpener, isAgencyHeading, readsAsClause, headingAgency, opensRequestList, isCourtesyTask, taskStartAfterAgencies, withoutAddressForm, misreadDeadlineIn, reportsIssuedDocument, eventDeadlineIn, isPersonEntry, answersTo, isAddressForm, opensWithAddresseeForm, ownersOfSubject, endsWithAgencyHead, addresseesIn, saysWhereRepliesGo, trailingAssignee } from './assignment-words.js';
export { executionClauseIn, isReportType, isForwardReportPart, opensAnnex, namesBodiesAfterGroupWord, periodBeforeCondition, takeFrequencies, frequencyClosing, runsFromLength } from './assignment-context.js';
