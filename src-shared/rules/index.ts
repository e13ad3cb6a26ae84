/** The filing rules engine; see README.md beside this file. */
export { checkFiling, checkFacts, RULES, type CheckOptions, type CheckResult } from './check-filing.js';
export { filingFactsSchema, type FilingFacts, type FilingFactsInput, type Party, type Basis } from './filing-facts.js';
export type { Finding, Severity } from './finding.js';
export { GROUNDS, type Ground } from './grounds.js';
export { routeCase, nextStage, conversionFor, type RouteResult } from './routing.js';
export { conversionsFrom, stagePlan, type StagePlan } from './routing.js';
export { checkStageMove, stageMoveExists, flowOf, reachableStages, type StageMove } from './stage-moves.js';
export { pendingNodes, countingOf, type PendingNode } from './pending-nodes.js';
