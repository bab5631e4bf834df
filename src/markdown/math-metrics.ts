/**
 * The sizes the course's estimates of a formula's extent rest on, where no layout can be read: at build time
 * (`inline-breaks.ts`, `components/placeholder-heights.ts`) and before a region is laid out
 * (`components/scrollables.ts`). One place, so the estimates agree with each other and with `math.css`.
 */

/** The math's size relative to the text around it: `math { font-size: 1.21em }` in `styles/math.css`. */
export const MATH_SCALE = 1.21;

/** A rough width of one character of a formula, in ems of the math's own size. */
export const MATH_CHAR_EM = 0.6;
