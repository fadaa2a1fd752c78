import { showDialog } from 'vant'
import 'vant/es/dialog/style/index.mjs'
import { i18n } from '../i18n.js'
import { store } from '../store.js'

const t = (k, a) => i18n.global.t(k, a)

/**
 * "咨询电话": once logged in, the candidate's registration point and its phone number (a tel: link);
 * before login, the configured hotline note and every point's number.
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
    // Not logged in, the point is unknown: every point's number, by city (the notices list them too).
    const points = store.config?.points || []
    message = '<p>' + esc(store.config?.hotlineText || '') + '</p>' +
      (points.length
        ? '<p style="margin:8px 0 4px;font-weight:600">' + esc(t('common.pointPhones')) + '</p>' +
          '<ul class="point-phones" style="list-style:none;margin:0;padding:0;max-height:50vh;overflow-y:auto;text-align:left">' +
          points.map((p) => '<li style="padding:4px 0;border-bottom:1px solid #eee">' + esc(p.city) + ' · ' + esc(p.name) +
            '<br><a href="tel:' + esc(p.phone.replace(/[^\d+-]/g, '')) + '" style="display:inline-block;min-height:44px;line-height:44px;font-size:17px">' +
            esc(p.phone) + '</a></li>').join('') + '</ul>'
        : '')
  }
  return showDialog({ title: t('common.hotline'), message, allowHtml: true, confirmButtonText: t('common.ok') })
}

function esc (s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]))
}
