// Dates, durations and time left, in the language of the page.
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/
// a limit in working days as a model states it, e.g. "3 working days" or "3个工作日" (docs/working-days.md)
const WORKING_DAYS = /^\s*([1-9]\d{0,3})\s*(?:working\s+days?|个?工作日)\s*$/i

/** A date and time in the page's language, or '' for none. */
export function dateTime(value, locale) {
  return value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : ''
}

/**
 * A time limit as words: an ISO-8601 duration such as P3D or PT12H ("3 天", "3 d") or a number of
 * working days ("3 个工作日", "3 working days"); unknown forms as they are.
 */
export function duration(iso, t) {
  const working = WORKING_DAYS.exec(iso || '')
  if (working) return t('time.workingDays', { n: Number(working[1]) })
  const parts = DURATION.exec(iso || '')
  if (!parts) return iso || ''
  const [, days, hours, minutes] = parts.map((p) => Number(p || 0))
  return spell({ days, hours, minutes }, t)
}

/** The time between now and a deadline, as words, and whether it has passed. */
export function timeLeft(deadline, now, t) {
  const millis = new Date(deadline).getTime() - now
  const minutesTotal = Math.floor(Math.abs(millis) / 60000)
  const words = spell({ days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60),
    minutes: minutesTotal % 60 }, t)
  return millis < 0 ? { overdue: true, text: t('time.overdueBy', { time: words }) } : { overdue: false, text: words }
}

function spell({ days, hours, minutes }, t) {
  const words = []
  if (days) words.push(t('time.days', { n: days }))
  if (hours) words.push(t('time.hours', { n: hours }))
  if (minutes && !days) words.push(t('time.minutes', { n: minutes }))
  return words.length ? words.join(' ') : t('time.minutes', { n: 0 })
}
