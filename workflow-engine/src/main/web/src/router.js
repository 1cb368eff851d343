// The pages and who may see them. Every path here must also be one of the server's history routes
// (api/WebApplicationController), so that a reload or a bookmark finds the page.
import { createRouter, createWebHistory } from 'vue-router'
import { session } from './composables/session.js'
import LoginView from './views/LoginView.vue'
import InboxView from './views/InboxView.vue'
import DoneView from './views/DoneView.vue'
import CaseView from './views/CaseView.vue'
import KeysView from './views/KeysView.vue'
import DecideView from './views/DecideView.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/inbox' },
    { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'login.title' } },
    { path: '/inbox', name: 'inbox', component: InboxView, meta: { title: 'inbox.title' } },
    { path: '/done', name: 'done', component: DoneView, meta: { title: 'done.title' } },
    { path: '/cases/:caseId', name: 'case', component: CaseView, props: true, meta: { title: 'case.title' } },
    { path: '/keys', name: 'keys', component: KeysView, meta: { title: 'keys.title' } },
    { path: '/tasks/:taskId/decide', name: 'decide', component: DecideView, props: true, meta: { title: 'sign.title' } },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const me = await session.current()
  return me ? true : { name: 'login', query: { redirect: to.fullPath } }
})
