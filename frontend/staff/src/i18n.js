import { computed, ref } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'

const saved = window.localStorage.getItem('examphoto.staff.locale')

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

export function setLocale (locale) {
  i18n.global.locale.value = locale
  window.localStorage.setItem('examphoto.staff.locale', locale)
  document.documentElement.lang = locale
}

/** The server's message in the UI's language. */
export function errorText (e) {
  if (e && typeof e.text === 'function') return e.text(i18n.global.locale.value)
  return String(e && e.message ? e.message : e)
}

/**
 * A page's error kept as what went wrong (a server error or a message key), not as text, so that
 * switching the language also switches a message already on screen.
 */
export function usePageError () {
  const error = ref(null)
  const errorMessage = computed(() => {
    const e = error.value
    if (!e) return ''
    i18n.global.locale.value // a dependency: recomputed when the language changes
    return e.key ? i18n.global.t(e.key) : errorText(e)
  })
  return {
    errorMessage,
    setError (e) { error.value = typeof e === 'string' ? { key: e } : e },
    clearError () { error.value = null }
  }
}
