import { createRouter, createWebHashHistory } from 'vue-router'
import LoginPage from './pages/LoginPage.vue'
import { api } from './api.js'
import { store, loadMe, homeFor } from './store.js'
import { preloadGuidance } from './guidance/preload.js'

// Only the login page is in the entry chunk; every other page loads when first visited.
const routes = [
  { path: '/', redirect: '/login' },
  { path: '/login', component: LoginPage, meta: { public: true } },
  { path: '/faq', component: () => import('./pages/FaqPage.vue'), meta: { public: true } },
  { path: '/guide', component: () => import('./pages/GuidePage.vue') },
  { path: '/camera', component: () => import('./pages/CameraPage.vue') },
  { path: '/check', component: () => import('./pages/CheckPage.vue') },
  { path: '/verify', component: () => import('./pages/VerifyPage.vue') },
  { path: '/result', component: () => import('./pages/ResultPage.vue') },
  { path: '/attempts', component: () => import('./pages/AttemptsPage.vue') },
  { path: '/review', component: () => import('./pages/ReviewPage.vue') },
  { path: '/:rest(.*)*', redirect: '/login' }
]

export const router = createRouter({ history: createWebHashHistory(), routes })

// Pages from which a portrait shot follows: the live guidance starts loading there, in the background.
const BEFORE_CAMERA = ['/guide', '/camera', '/check', '/attempts']

router.beforeEach(async (to) => {
  const loggedIn = !!api.token()
  if (to.meta.public) {
    // A logged-in candidate who reloads the login page goes where their state says.
    if (to.path === '/login' && loggedIn) {
      try { return homeFor(await loadMe()) } catch (e) { api.setToken(null); return true }
    }
    return true
  }
  if (!loggedIn) return '/login'
  if (!store.me) {
    try { await loadMe() } catch (e) { api.setToken(null); return '/login' }
  }
  return true
})

router.afterEach((to) => {
  if (BEFORE_CAMERA.includes(to.path) && api.token()) preloadGuidance()
})
