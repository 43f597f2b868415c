import { describe, expect, it } from 'vitest';
import { findHoles, imageAttributes, inkMask } from './image-attributes.js';

/** A tiny image from rows of '#' (ink) and '.' (background). */
function draw(rows: string[]): { img: Float32Array; h: number; w: number } {
  const h = rows.length;
  const w = rows[0].length;
  const img = new Float32Array(h * w);
  rows.forEach((r, i) => [...r].forEach((ch, j) => (img[i * w + j] = ch === '#' ? 1 : 0)));
  return { img, h, w };
}

const ring = draw(['.........', '..#####..', '..#...#..', '..#...#..', '..#...#..', '..#...#..', '..#...#..', '..#####..', '.........']);
const figureEight = draw(['.........', '..#####..', '..#...#..', '..#...#..', '..#####..', '..#...#..', '..#...#..', '..#####..', '.........']);
const nine = draw(['.........', '..#####..', '..#...#..', '..#...#..', '..#####..', '......#..', '......#..', '......#..', '.........']);
const bar = draw(['.........', '....#....', '....#....', '....#....', '....#....', '....#....', '....#....', '....#....', '.........']);
const seven = draw(['.........', '..#####..', '......#..', '......#..', '.....#...', '....#....', '....#....', '...#.....', '.........']);

describe('image attributes', () => {
  it('finds holes by flood fill from the border, ignoring a diagonal gap', () => {
    expect(findHoles(inkMask(ring.img), ring.h, ring.w)).toHaveLength(1);
    expect(findHoles(inkMask(figureEight.img), 9, 9)).toHaveLength(2);
    expect(findHoles(inkMask(bar.img), 9, 9)).toHaveLength(0);
    // a loop closed only diagonally still holds its hole (background is 4-connected)
    const diag = draw(['.......', '..###..', '.#...#.', '.#...#.', '..###..', '.......']);
    expect(findHoles(inkMask(diag.img), 6, 7)).toHaveLength(1);
  });

  it('a ring: one hole in the middle, symmetric both ways, neither top- nor bottom-heavy', () => {
    const a = imageAttributes(ring.img, ring.h, ring.w);
    expect(a).toMatchObject({ hole: 1, two_holes: 0, hole_upper: 0, hole_lower: 0, lr_symmetric: 1, ud_symmetric: 1 });
    expect(a).toMatchObject({ top_heavy: 0, bottom_heavy: 0, narrow: 0 });
  });

  it('an eight: two holes, upper and lower', () => {
    expect(imageAttributes(figureEight.img, 9, 9)).toMatchObject({ hole: 1, two_holes: 1, hole_upper: 1, hole_lower: 1 });
  });

  it('a nine: a hole at the top, a long vertical stroke, top-heavy, right-heavy', () => {
    expect(imageAttributes(nine.img, 9, 9)).toMatchObject({
      hole: 1,
      hole_upper: 1,
      hole_lower: 0,
      vertical_stroke: 1,
      top_heavy: 1,
      right_heavy: 1,
    });
    // its mirror images overlap 11/23 > 0.4 top-bottom: this tiny nine counts as symmetric
    expect(imageAttributes(nine.img, 9, 9).ud_symmetric).toBe(1);
  });

  it('a bar: narrow, vertical stroke, no hole', () => {
    expect(imageAttributes(bar.img, 9, 9)).toMatchObject({ hole: 0, narrow: 1, vertical_stroke: 1, horizontal_top: 0, lr_symmetric: 1 });
  });

  it('a seven: a horizontal bar at the top, no hole, no bar at the bottom', () => {
    expect(imageAttributes(seven.img, 9, 9)).toMatchObject({ hole: 0, horizontal_top: 1, horizontal_bottom: 0, top_heavy: 1 });
  });

  it('an empty image has no attribute', () => {
    expect(Object.values(imageAttributes(new Float32Array(81), 9, 9)).every((v) => v === 0)).toBe(true);
  });
});
