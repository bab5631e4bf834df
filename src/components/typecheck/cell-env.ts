/**
 * The host environment a cell runs in, as ambient declarations: the few
 * worker globals that cells and the nn library use (console, timers, the
 * clock). Deliberately not the whole DOM/WebWorker library: a cell that
 * reaches for `document` or `fetch` gets a type error, because learner code
 * runs in a worker with no page and no network to speak of.
 */
export const CELL_ENV_DTS = `
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  dir(item?: any, options?: any): void;
  dirxml(...data: any[]): void;
  table(tabularData?: any, properties?: string[]): void;
  trace(...data: any[]): void;
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  time(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  timeEnd(label?: string): void;
  group(...data: any[]): void;
  groupCollapsed(...data: any[]): void;
  groupEnd(): void;
  clear(): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T = any>(value: T, options?: { transfer?: any[] }): T;
interface Performance {
  /** Milliseconds since the worker started, with sub-millisecond precision. */
  now(): number;
  readonly timeOrigin: number;
}
declare var performance: Performance;
`;
