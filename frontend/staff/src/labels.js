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
