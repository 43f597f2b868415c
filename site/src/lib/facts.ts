/**
 * The site's facts beyond the leaderboard (site/builder/site-facts.ts, staged as site-facts.json): the
 * built-in metrics this run did not compute, the published versions, what `ci` can detect, and the
 * package's licence and repository.
 */
import factsJson from '@xai-data/site-facts.json';
import { metricIds } from './data';
import type { SiteFacts } from '../../builder/site-facts.js';

export const facts = factsJson as unknown as SiteFacts;

const notRunIds = new Set(facts.notRunMetrics.map((m) => m.id));

/** Built-in metrics without results in this leaderboard and without a catalog entry: they get a "not run" page. */
export const notRunPages = facts.notRunMetrics.filter((m) => !metricIds.includes(m.id));

/** True when the site has a page for the metric (so a link to it resolves). */
export const hasMetricPage = (id: string): boolean => metricIds.includes(id) || notRunIds.has(id);
