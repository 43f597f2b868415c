/** The survey statistics, one concept per file; re-exported for the library entry point. */
export { krippendorffAlpha, type AlphaLevel, type AlphaResult } from './krippendorff-alpha.js';
export { fleissKappa, fleissTable, type FleissResult } from './fleiss-kappa.js';
export { cohenKappa, cohenKappaFromTable, type CohenResult, type KappaWeights } from './cohen-kappa.js';
export { icc, type IccForm, type IccResult } from './icc.js';
export { bootstrapInterval, bcaLevels, biasCorrection, jackknifeAcceleration, type BootstrapInterval, type CiMethod } from './bootstrap.js';
export { signFlipTest, type SignFlipResult } from './sign-flip.js';
export { wilcoxonSignedRank, type WilcoxonResult } from './wilcoxon.js';
export { holm } from './holm.js';
export { bradleyTerry, centred, comparisonGraph, type BradleyTerryResult } from './bradley-terry.js';
export { ssaMajority, ssaSoft, ssaItemLabel, majority, type SsaVote, type TieRule } from './ssa.js';
export { INSTRUMENTS, findInstrument, scaleScore, keyed, type Instrument } from './questionnaires.js';
export { cpsSummary, exchangeTurns, type CpsSummary } from './cps.js';
export { normalCdf, normalQuantile } from '../../numeric/normal-distribution.js';
export { fCdf, fQuantile } from '../../numeric/f-distribution.js';
