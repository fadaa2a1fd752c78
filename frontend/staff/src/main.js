import { createApp, h } from 'vue'
createApp({ render: () => h('p', '管理后台 — staff console (under construction)') }).mount('#app')
