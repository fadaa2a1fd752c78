import { pick } from '../i18n.js'

/**
 * A failed check's reason and what to do, as the server sends them apart. A report stored before
 * the two were separate carries only the joined message, shown whole.
 */
export function reasonAndAdvice (c) {
  if (c.reason != null) return { reason: pick(c.reason, c.reasonEn) || '', todo: pick(c.advice, c.adviceEn) || '' }
  return { reason: pick(c.message, c.messageEn) || '', todo: '' }
}

/**
 * Failed checks first (root cause first, as the server orders them; a failure another one explains
 * is left out), then warnings; each numbered when it marks a region.
 */
export function problems (checks) {
  const failed = checks.filter((c) => !c.pass && !c.warning && !c.causedBy)
  const warnings = checks.filter((c) => c.warning && (!c.pass || c.message))
  let n = 0
  const number = (c) => ({ ...c, ...reasonAndAdvice(c), n: c.region ? ++n : null })
  return { failed: failed.map(number), warnings: warnings.map(number) }
}
