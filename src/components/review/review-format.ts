/** Numbers and dates as the editor's browser writes them. */
const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (n: number): string => numbers.format(n);

export function formatTime(iso: string | null | undefined): string {
  const date = new Date(iso ?? NaN);
  return Number.isNaN(date.getTime()) ? '–' : dates.format(date);
}

/** "3 notes", "1 note". */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
