import { showDialog } from 'vant'
import 'vant/es/dialog/style/index.mjs'
import { i18n } from '../i18n.js'
import { store } from '../store.js'

const t = (k, a) => i18n.global.t(k, a)

/**
 * "咨询电话": once logged in, the candidate's registration point and its phone number (a tel: link);
 * before login, the configured hotline note.
 */
export function showHotline () {
  const me = store.me
  let message
  if (me) {
    const phone = me.pointPhone
    message = '<p>' + esc(t('common.point', { name: me.pointName || '' })) + '</p>' +
      (phone
        ? '<p><a href="tel:' + esc(phone.replace(/[^\d+-]/g, '')) + '" style="font-size:20px;display:inline-block;padding:8px 0">' + esc(phone) + '</a></p>'
        : '<p>' + esc(t('common.noPhone')) + '</p>')
  } else {
    message = '<p>' + esc(store.config?.hotlineText || '') + '</p>'
  }
  return showDialog({ title: t('common.hotline'), message, allowHtml: true, confirmButtonText: t('common.ok') })
}

function esc (s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]))
}
