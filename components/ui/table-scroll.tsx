import type { ReactNode } from "react";

/**
 * The frame a wide table scrolls in, so the page itself never scrolls sideways. Keyboard users reach
 * it with Tab and scroll it with the arrow keys (a scrolling region nobody can focus is out of reach
 * without a mouse); screen readers name the region by `label`, the table's caption as a rule.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focused to be scrolled by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
