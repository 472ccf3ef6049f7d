// The demo's simulated municipalities: `createSimulator` watches their mailboxes and answers
// the journey's mail the way real municipalities do (see README.md).
export { createSimulator } from './simulator';
export { gatheringStart } from './gathering-answers';
export { DEMO_MIX, defaultPersona, planAll, planMunicipality } from './plan';
export { expectedOutcome } from './expected';
export { PERSONAS } from './types';
export type {
  ExpectedMunicipality,
  ExpectedOutcome,
  MunicipalityPlan,
  PersonaName,
  Simulator,
  SimulatorEvent,
  SimulatorOptions,
  SimulatorStats,
} from './types';
