// One element of a gradient check: your analytic value, the numeric one
// (central differences with step h), and how far the input lies from the
// nearest kink (negative when the kink is below it). Return "good", "kink"
// (a false alarm: the step straddles the kink) or "wrong".
export function verdict(analytic: number, numeric: number, distanceToKink: number, h: number): string {
  // TODO: the relative error first, then the kink.
  return "";
}
