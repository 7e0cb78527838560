/** Prints benchmark figures as they come and one table at the end. */

export interface Row {
  figure: string;
  plaudit: string;
  peer: string;
  ratio: number;
  goal: string;
  pass: boolean;
}

export const rows: Row[] = [];

export function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function log(...parts: unknown[]): void {
  console.log('[bench]', ...parts);
}

export function addRow(row: Row): void {
  rows.push(row);
  log(`${row.figure}: Plaudit ${row.plaudit} vs ${row.peer} → ratio ${row.ratio.toFixed(1)} (goal ${row.goal}) ${row.pass ? 'PASS' : 'FAIL'}`);
}

export function printTable(): void {
  const header = ['figure', 'plaudit', 'peer', 'ratio', 'goal', 'result'];
  const lines = rows.map((r) => [r.figure, r.plaudit, r.peer, Number.isFinite(r.ratio) ? r.ratio.toFixed(1) : 'n/a', r.goal, r.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(['', fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt), ''].join('\n'));
}
