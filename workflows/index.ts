// Every workflow the worker runs.
export { journey } from './journey';
export { campaignWorkflow } from './campaign';
export { inboxWorkflow } from './inbox';
