/**
 * The months as English writes them, in order: index + 1 is the month's number.
 *
 * @example
 * new RegExp(`\\b(?:${MONTH_NAMES.join('|')})\\b`) // matches "January" … "December"
 */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
