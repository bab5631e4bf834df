/**
 * Unit-test set-up: the digits file for `digits()` in this process, read from
 * disk, as the headless notebook's worker does (exercise definitions call
 * `digits()` when the grader runs them in the test process).
 */
import { setDigitsSource } from "../../src/nn/digits.ts";
import { nodeDigitsSource } from "../../src/integrations/digits-asset.ts";

setDigitsSource(nodeDigitsSource);
