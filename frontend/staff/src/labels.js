import { useI18n } from 'vue-i18n'

/** A failed check's name: the server's message in the UI language, else the check id. */
export function useCheckNames () {
  const { t, te, locale } = useI18n()
  return (c) => {
    if (te('check.' + c.id)) return t('check.' + c.id)
    return (locale.value === 'en' ? c.messageEn : c.message) || c.id
  }
}

const ZH = { 居民身份证: 'ID_CARD', 护照: 'PASSPORT', 军官证: 'MILITARY_OFFICER', 士兵证: 'SOLDIER' }

export function useDocLabel () {
  const { t, te } = useI18n()
  return (v) => {
    const code = ZH[v] || v
    return te('doc.' + code) ? t('doc.' + code) : v
  }
}

/** A stored code in the UI language: `<prefix>.<code>` from the message files, else `<prefix>.other`. */
function useCoded (prefix) {
  const { t, te } = useI18n()
  return (code) => {
    if (code === null || code === undefined || code === '') return ''
    const key = prefix + '.' + code
    return te(key) ? t(key) : t(prefix + '.other')
  }
}

/** Why a 人证核验 attempt failed (below_threshold, probe_no_face, …). */
export const useAttemptReason = () => useCoded('attemptReason')

/** Which verifier compared the faces (embedded, http). */
export const useVerifierName = () => useCoded('verifier')

/** An audit-log action (review.approve, staff.create, …); unknown actions keep their code, which is all there is. */
export function useAuditAction () {
  const { t, te } = useI18n()
  // Action codes contain dots, which vue-i18n reads as nesting: the message keys use '_' instead.
  return (code) => {
    const key = 'auditAction.' + String(code).replace(/\./g, '_')
    return te(key) ? t(key) : code
  }
}

// The server writes each state change's detail as an English log line (and, for staff actions, a
// "中文 / English" pair); these are the lines it writes, said in the UI language. Others show as written.
const EVENT_LINES = [
  [/^attempt (\d+) on submission (\d+): (\w+)$/, (m, t, reason) => t('event.attempt', { n: m[1], result: m[3] === 'match' ? t('attemptReason.match') : reason(m[3]) })],
  [/^submission (\d+) passed the photo checks$/, (m, t) => t('event.checked', { s: m[1] })],
  [/^confirmed submission (\d+)$/, (m, t) => t('event.confirmed', { s: m[1] })],
  [/^review case (\d+) submitted$/, (m, t) => t('event.submitted', { c: m[1] })],
  [/^(ATTEMPTS_EXHAUSTED|NON_ID_DOCUMENT|NO_REFERENCE|RARE_NAME): /, (m, t) => t('event.routed', { reason: t('caseReason.' + m[1]) })]
]

/** A state change's detail in the UI language. */
export function useEventDetail () {
  const { t, locale } = useI18n()
  const reason = useAttemptReason()
  return (detail) => {
    if (!detail) return ''
    for (const [re, say] of EVENT_LINES) {
      const m = detail.match(re)
      if (m) return say(m, t, reason)
    }
    // "人工审核通过 / manual review approved (case 5)": Chinese leads, the English half carries the rest.
    const pair = detail.match(/^[^/]*[\u4e00-\u9fff][^/]* \/ (.+)$/)
    return pair && locale.value === 'en' ? pair[1] : detail
  }
}
