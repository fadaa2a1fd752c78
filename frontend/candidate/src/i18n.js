import { createI18n } from 'vue-i18n'
import zh from './locales/zh-CN.js'
import en from './locales/en.js'
import { Locale } from 'vant/es/locale/index.mjs'
import zhCN from 'vant/es/locale/lang/zh-CN.mjs'

const KEY = 'examphoto.candidate.locale'
const saved = (() => { try { return window.localStorage.getItem(KEY) } catch (e) { return null } })()

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en }
})

/** Switches the UI language (Vant's own texts too) and remembers the choice on this phone. */
export async function setLocale (locale) {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try { window.localStorage.setItem(KEY, locale) } catch (e) { /* private mode */ }
  if (locale === 'en') {
    const { default: enUS } = await import('vant/es/locale/lang/en-US.mjs')
    Locale.use('en-US', enUS)
  } else {
    Locale.use('zh-CN', zhCN)
  }
}

/** A server text pair (message/messageEn) in the current language. */
export function pick (zhText, enText) {
  return i18n.global.locale.value === 'en' ? (enText || zhText) : (zhText || enText)
}

if (saved === 'en') setLocale('en')
