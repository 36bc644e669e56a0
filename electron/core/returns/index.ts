/** Customer returns (RMA) received at the dock, as the app composes them: commands and scan handling over the returns repo. */
export { createReturns, type ReturnsModule } from './handlers';
export { createReturnsRepo, type ReturnsRepo } from './repo';
