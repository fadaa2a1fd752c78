// The staff console (管理后台): Vue 3 + Element Plus (components registered one by one, so the
// bundle carries only what the console uses) + ECharts (core + the charts used, see charts.js).
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router.js'
import { i18n } from './i18n.js'
import { installElementPlus } from './element.js'
import './styles.css'

const app = createApp(App)
installElementPlus(app)
app.use(i18n).use(router).mount('#app')
