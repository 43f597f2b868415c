/**
 * The one fixed diverging colour map every heatmap uses: blue for negative, white for zero, red for
 * positive (the stops of ColorBrewer's RdBu, with pure white at 0). Values are t in [−1, 1], already
 * divided by the scale the picture states (per sample, max |attribution|), so the same colour always
 * means the same fraction of that sample's largest relevance and the sign is never ambiguous.
 */
export type Rgb = readonly [number, number, number];

const STOPS: readonly { t: number; rgb: Rgb }[] = [
  { t: -1, rgb: [33, 102, 172] },
  { t: -0.5, rgb: [146, 197, 222] },
  { t: 0, rgb: [255, 255, 255] },
  { t: 0.5, rgb: [244, 165, 130] },
  { t: 1, rgb: [178, 24, 43] },
];

/** Colour of t in [−1, 1] (clamped; NaN is drawn as zero). */
export function divergingColour(t: number): Rgb {
  const v = Number.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
  for (let i = 1; i < STOPS.length; i++) {
    const lo = STOPS[i - 1];
    const hi = STOPS[i];
    if (v <= hi.t) {
      const f = (v - lo.t) / (hi.t - lo.t);
      return [0, 1, 2].map((c) => Math.round(lo.rgb[c] + f * (hi.rgb[c] - lo.rgb[c]))) as unknown as Rgb;
    }
  }
  return STOPS[STOPS.length - 1].rgb;
}
