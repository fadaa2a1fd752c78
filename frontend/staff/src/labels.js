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
