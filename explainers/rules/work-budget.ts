/**
 * A budget counted in units of work instead of seconds, so a cut falls at the same place on every
 * machine and under any load: what an extractor returns then depends only on its inputs and
 * parameters (a wall-time cut made "deterministic" extractors machine-dependent). The units
 * are what dominates the cost: rows x features scanned to choose a tree split, and clause products
 * formed while substituting. Wall time remains only as an outer safety cut, reported when it fires.
 */
export class WorkBudget {
  private used = 0;

  /** `limit` in units; Infinity for none. */
  constructor(readonly limit: number) {}

  spend(units: number): void {
    this.used += units;
  }

  get spent(): number {
    return this.used;
  }

  get exhausted(): boolean {
    return this.used >= this.limit;
  }
}
