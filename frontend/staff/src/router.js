import { createRouter, createWebHashHistory } from 'vue-router'
import { api, loadMe, session, whenLoggedOut } from './api.js'
import Layout from './components/Layout.vue'
import Login from './views/Login.vue'

const admin = { admin: true }

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: Login, meta: { open: true } },
    {
      path: '/',
      component: Layout,
      children: [
        { path: '', redirect: () => (session.me && session.me.role === 'ADMIN' ? '/dashboard' : '/queue') },
        { path: 'queue', component: () => import('./views/Queue.vue') },
        { path: 'cases/:id', component: () => import('./views/Case.vue'), props: true },
        { path: 'candidates', component: () => import('./views/Candidates.vue') },
        { path: 'candidates/:id', component: () => import('./views/Candidate.vue'), props: true },
        { path: 'dashboard', component: () => import('./views/Dashboard.vue') },
        { path: 'import', component: () => import('./views/RosterImport.vue'), meta: admin },
        { path: 'export', component: () => import('./views/PhotoExport.vue'), meta: admin },
        { path: 'staff', component: () => import('./views/StaffAccounts.vue'), meta: admin },
        { path: 'settings', component: () => import('./views/Settings.vue'), meta: admin },
        { path: 'audit', component: () => import('./views/Audit.vue'), meta: admin },
        { path: ':rest(.*)*', component: () => import('./views/NotFound.vue') }
      ]
    }
  ]
})

router.beforeEach(async (to) => {
  if (to.meta.open) return true
  const me = await loadMe()
  if (!me) {
    api.setToken(null)
    return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  }
  if (to.meta.admin && me.role !== 'ADMIN') return '/queue'
  return true
})

whenLoggedOut(() => {
  const here = router.currentRoute.value
  if (!here.meta.open) router.replace({ path: '/login', query: { next: here.fullPath } })
})
