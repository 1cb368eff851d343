// The pages and who may see them. Every path here must also be one of the server's history routes
// (api/WebApplicationController), so that a reload or a bookmark finds the page.
import { createRouter, createWebHistory } from 'vue-router'
import { session } from './composables/session.js'
import LoginView from './views/LoginView.vue'
import InboxView from './views/InboxView.vue'
import DoneView from './views/DoneView.vue'

// pages loaded when first opened: the case page brings bpmn-js, the others are for few users
const CaseView = () => import('./views/CaseView.vue')
const CasesView = () => import('./views/CasesView.vue')
const KeysView = () => import('./views/KeysView.vue')
const AuthorisationsView = () => import('./views/AuthorisationsView.vue')
const DecideView = () => import('./views/DecideView.vue')
const AdminEnrolmentsView = () => import('./views/AdminEnrolmentsView.vue')
const AdminApproversView = () => import('./views/AdminApproversView.vue')
const AdminOperationsView = () => import('./views/AdminOperationsView.vue')
const LicenceCheckView = () => import('./views/LicenceCheckView.vue')
const InvoiceCheckView = () => import('./views/InvoiceCheckView.vue')
const TenderCheckView = () => import('./views/TenderCheckView.vue')
const DesignView = () => import('./views/DesignView.vue')
const ProcessesView = () => import('./views/ProcessesView.vue')
const AutomationMapView = () => import('./views/AutomationMapView.vue')
const CompareView = () => import('./views/CompareView.vue')
const ChainView = () => import('./views/ChainView.vue')
const ChainBlockView = () => import('./views/ChainBlockView.vue')
const ChainTransactionView = () => import('./views/ChainTransactionView.vue')
const ApplyView = () => import('./views/ApplyView.vue')

/** The administrators' group: the admin pages are theirs (the API refuses everyone else). */
export const ADMINS = 'camunda-admin'

/** The process designers' group: the modeler is theirs and the administrators' (the API refuses everyone else). */
export const DESIGNERS = 'process-designers'

/** The legal reviewers' group: they read every process version's automation map (with designers and administrators) and see the whole chain in the explorer (others only their cases' transactions). */
export const REVIEWERS = 'legal-reviewers'

/** Whether the signed-in user may open a page with these meta fields. */
export function mayOpen(meta, groups) {
  if (meta.admin) return groups.includes(ADMINS)
  if (meta.designer) return groups.includes(DESIGNERS) || groups.includes(ADMINS)
  if (meta.reviewer) return [REVIEWERS, DESIGNERS, ADMINS].some((g) => groups.includes(g))
  return true
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/inbox' },
    { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'login.title' } },
    { path: '/inbox', name: 'inbox', component: InboxView, meta: { title: 'inbox.title' } },
    { path: '/done', name: 'done', component: DoneView, meta: { title: 'done.title' } },
    { path: '/cases', name: 'cases', component: CasesView, meta: { title: 'cases.title' } },
    { path: '/apply/:processKey', name: 'apply', component: ApplyView, props: true, meta: { title: 'apply.title' } },
    { path: '/cases/:caseId', name: 'case', component: CaseView, props: true, meta: { title: 'case.title' } },
    { path: '/keys', name: 'keys', component: KeysView, meta: { title: 'keys.title' } },
    { path: '/authorisations', name: 'authorisations', component: AuthorisationsView, meta: { title: 'proxy.title' } },
    { path: '/tasks/:taskId/decide', name: 'decide', component: DecideView, props: true, meta: { title: 'sign.title' } },
    { path: '/admin/enrolments', name: 'admin-enrolments', component: AdminEnrolmentsView, meta: { admin: true, title: 'admin.enrolments.title' } },
    { path: '/admin/approvers', name: 'admin-approvers', component: AdminApproversView, meta: { admin: true, title: 'admin.approvers.title' } },
    { path: '/admin/operations', name: 'admin-operations', component: AdminOperationsView, meta: { admin: true, title: 'admin.operations.title' } },
    { path: '/design', name: 'design', component: DesignView, meta: { designer: true, title: 'design.title' } },
    { path: '/processes', name: 'processes', component: ProcessesView, meta: { reviewer: true, title: 'processes.title' } },
    { path: '/processes/:processKey/versions/:version/map', name: 'automation-map', component: AutomationMapView, props: true, meta: { reviewer: true, title: 'automationMap.title' } },
    { path: '/processes/:processKey/compare/:from/:to', name: 'process-compare', component: CompareView, props: true, meta: { reviewer: true, title: 'compare.title' } },
    { path: '/chain', name: 'chain', component: ChainView, meta: { title: 'chain.title' } },
    { path: '/chain/blocks/:number', name: 'chain-block', component: ChainBlockView, props: true, meta: { title: 'chain.title' } },
    { path: '/chain/transactions/:hash', name: 'chain-transaction', component: ChainTransactionView, props: true, meta: { title: 'chain.title' } },
    { path: '/verify-licence/:number?', name: 'verify-licence', component: LicenceCheckView, props: true, meta: { public: true, title: 'licence.title' } },
    { path: '/verify-invoice', name: 'verify-invoice', component: InvoiceCheckView, meta: { public: true, title: 'invoice.title' } },
    { path: '/verify-bid', name: 'verify-bid', component: TenderCheckView, meta: { public: true, title: 'bid.title' } },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const me = await session.current()
  if (!me) return { name: 'login', query: { redirect: to.fullPath } }
  return mayOpen(to.meta, me.groups) ? true : { name: 'inbox' }
})
