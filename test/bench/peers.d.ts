/** dom-anchor-text-quote ships no types; only what the benchmark calls. */
declare module 'dom-anchor-text-quote' {
  export function toRange(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): Range | null;
}
