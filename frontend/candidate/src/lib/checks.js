import { pick } from '../i18n.js'

/** A check message split into the reason and what to do ("…。请…" / "…. Please …"). */
export function splitMessage (c) {
  const text = pick(c.message, c.messageEn) || ''
  const zh = text.indexOf('。')
  if (zh > 0 && zh < text.length - 1) return { reason: text.slice(0, zh + 1), todo: text.slice(zh + 1) }
  const en = text.indexOf('. ')
  if (en > 0) return { reason: text.slice(0, en + 1), todo: text.slice(en + 2) }
  return { reason: text, todo: '' }
}

/** Failed checks first, then warnings; each numbered when it marks a region. */
export function problems (checks) {
  const failed = checks.filter((c) => !c.pass && !c.warning)
  const warnings = checks.filter((c) => c.warning && (!c.pass || c.message))
  let n = 0
  const number = (c) => ({ ...c, ...splitMessage(c), n: c.region ? ++n : null })
  return { failed: failed.map(number), warnings: warnings.map(number) }
}
