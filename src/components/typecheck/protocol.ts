/**
 * Messages between the page and the type checker's worker. Every request has
 * an id; the reply carries it back with a result or an error as data.
 */
import type { CheckRequest, CellDiagnostic, Completions, DocInfo, QuickInfo, SignatureHelp } from "./service.ts";

export type CheckerCall =
  | { method: "diagnostics"; req: CheckRequest }
  | { method: "completions"; req: CheckRequest; pos: number }
  | { method: "completionInfo"; req: CheckRequest; pos: number; name: string }
  | { method: "quickInfo"; req: CheckRequest; pos: number }
  | { method: "signatureHelp"; req: CheckRequest; pos: number };

export interface CheckerResults {
  diagnostics: CellDiagnostic[];
  completions: Completions | null;
  completionInfo: DocInfo | null;
  quickInfo: QuickInfo | null;
  signatureHelp: SignatureHelp | null;
}

export type ToChecker = CheckerCall & { id: number };
export type FromChecker = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
