// The assignment (fordeling): pure and deterministic, safe to run inside workflow code.

export { assignmentInput, assignmentNetworks } from './campaign-input';
export { AssignmentError, type AssignmentErrorReason } from './errors';
export { haversineKm, type Coordinates } from './geo';
export { WAITING_LIST, moveMunicipality } from './move';
export { proposeAssignment } from './propose';
export type {
  AssignmentInput,
  AssignmentNetwork,
  AssignmentProposal,
  AssignmentRegistration,
  NetworkAssignment,
  Placement,
} from './types';
