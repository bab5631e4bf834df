/**
 * The syntax-error locator as a script of its own (Vite builds it like the
 * cell worker: one classic script, browser.ts has its URL). The cell worker
 * has the page fetch it the first time the engine rejects a cell, evaluates
 * it, and takes the function from the global object under SYNTAX_LOCATOR_KEY (then
 * deletes it). Keeping acorn here keeps it out of the cell worker.
 */
import { SYNTAX_LOCATOR_KEY } from "./protocol.ts";
import { locateSyntaxError } from "./syntax-locator.ts";

(globalThis as unknown as Record<symbol, unknown>)[SYNTAX_LOCATOR_KEY] = locateSyntaxError;
