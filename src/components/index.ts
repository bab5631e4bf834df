/**
 * Everything a chapter may use, in one place (Starlight style). Chapter pages
 * pass this map to MDX, so chapters need no imports and hold no logic.
 */
import Cell from "./Cell.astro";
import DigitPad from "./DigitPad.astro";
import Exercise from "./Exercise.astro";
import Figure from "./Figure.astro";
import Predict from "./Predict.astro";

export const components = { Cell, DigitPad, Exercise, Figure, Predict };
