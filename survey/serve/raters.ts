/**
 * Raters are pseudonymous: signing up gives a random id and a code ("ID-SECRET") that the cookie carries
 * and that continues the work on another device; only the secret's sha256 is stored.
 */
import { ID_PATTERN } from '../cells.js';
import { type Lang, sha256 } from '../packet.js';
import { AGE_BANDS, GRADES } from '../ui-text.js';
import { field, optionalField } from './http-error.js';
import { newRaterCode, parseRaterCode, sameSecret } from './rater-codes.js';
import type { RatingStore } from './rating-store.js';

export class Raters {
  constructor(readonly store: RatingStore) {}

  /** A new rater from the consent form (consent already given); returns their id and code. */
  register(lang: Lang, form: URLSearchParams): { id: string; code: string } {
    const group = form.get('group') ? field(form, 'group', ID_PATTERN) : null;
    const ageBand = optionalField(form, 'age_band', AGE_BANDS);
    const grade = optionalField(form, 'grade', GRADES);
    const assent = optionalField(form, 'assent', ['1']);
    for (;;) {
      const { id, secret } = newRaterCode();
      const stored = this.store.insertRater({
        id: `r-${id}`,
        secretSha256: sha256(secret),
        language: lang,
        assent: assent ? 1 : null,
        pool: assent || grade ? 'pupil' : 'adult',
        ageBand,
        grade,
        group,
        createdAt: new Date().toISOString(),
      });
      if (stored) return { id: `r-${id}`, code: `${id}-${secret}` };
    }
  }

  /** The rater of a cookie or a typed code ("ID-SECRET"), or null. */
  raterOf(credential: string | null): { id: string; lang: Lang } | null {
    const code = parseRaterCode(credential);
    if (!code) return null;
    const row = this.store.rater(`r-${code.id}`);
    if (!row || !sameSecret(row.secret_sha256, sha256(code.secret))) return null;
    return { id: `r-${code.id}`, lang: row.language };
  }
}
