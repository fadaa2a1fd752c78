import { createApp, h } from 'vue'
createApp({ render: () => h('p', '考生照片采集 — candidate app (under construction)') }).mount('#app')
