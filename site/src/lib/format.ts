/** Number formatting, slugs and links shared by the pages. */
import type { Lang } from './types';

/** Three significant digits; large counts with separators; null as an en dash. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a !== 0 && a < 0.001) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

export const fmtCi = (ci: readonly [number, number] | null | undefined): string => (ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : '');

/**
 * A URL-safe slug for any id (ids from plugins and user tasks may hold any character): letters, digits,
 * '-', '_' and '.' stay; everything else becomes '~' + its code point in hex.
 */
export function slug(id: string): string {
  return [...id].map((c) => (/[A-Za-z0-9_.-]/.test(c) ? c : `~${c.codePointAt(0)!.toString(16)}`)).join('') || '~';
}

const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

/** The site path of a page (`/methods/lime/`) in a language (English at the root, Korean under /ko/). */
export function href(lang: Lang, path: string): string {
  const p = path.replace(/^\//, '');
  return `${BASE}${lang === 'ko' ? 'ko/' : ''}${p}`;
}

/** A file served as it is (artifacts, downloads). */
export const asset = (path: string): string => `${BASE}${path.replace(/^\//, '')}`;

export const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * A timestamp in the page's language, in UTC so that every reader sees the same moment:
 * '7 December 2026, 08:00 UTC' / '2026년 12월 7일 오전 8:00 UTC'. Not a date: returned as given.
 */
export function fmtDate(lang: Lang, iso: string, withTime = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  });
  return withTime ? `${f.format(d)} UTC` : f.format(d);
}
