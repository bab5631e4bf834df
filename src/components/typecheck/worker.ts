/**
 * The type checker's Web Worker: the TypeScript language service, started on
 * a reader's first focus in an editor (client.ts), never on page load.
 */
import declarations from "virtual:typecheck-declarations";
import { createCheckService } from "./service.ts";
import type { FromChecker, ToChecker } from "./protocol.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const service = createCheckService(declarations);

scope.addEventListener("message", (e: MessageEvent<ToChecker>) => {
  const m = e.data;
  let reply: FromChecker;
  try {
    const result =
      m.method === "diagnostics" ? service.diagnostics(m.req)
      : m.method === "completions" ? service.completions(m.req, m.pos)
      : m.method === "completionInfo" ? service.completionInfo(m.req, m.pos, m.name)
      : m.method === "quickInfo" ? service.quickInfo(m.req, m.pos)
      : service.signatureHelp(m.req, m.pos);
    reply = { id: m.id, ok: true, result };
  } catch (err) {
    reply = { id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
});
