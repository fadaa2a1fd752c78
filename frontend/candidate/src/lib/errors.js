import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * A page's error, kept as what went wrong (a server ApiError or a message key) rather than as
 * text, so that switching the language also switches a message already on screen.
 */
export function usePageError () {
  const { t, locale } = useI18n()
  const error = ref(null)
  const errorText = computed(() => {
    const e = error.value
    if (!e) return ''
    if (typeof e.text === 'function') return e.text(locale.value)
    if (e.key) return t(e.key, e.args || {})
    return String(e.message || e)
  })
  return {
    error,
    errorText,
    /** An ApiError (or any Error), or a message key with its arguments. */
    setError (e, args) { error.value = typeof e === 'string' ? { key: e, args } : e },
    clearError () { error.value = null }
  }
}
