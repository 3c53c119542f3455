import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/workflows' },
  {
    path: '/workflows',
    name: 'workflows',
    component: () => import('./pages/WorkflowsPage.vue'),
    meta: { title: 'Workflows' },
  },
  {
    path: '/workflows/new',
    name: 'workflow-new',
    component: () => import('./pages/WorkflowEditorPage.vue'),
    // `?draft=new:<uuid>` reopens a new workflow's draft after a reload.
    props: (route) => ({
      draftKey:
        typeof route.query.draft === 'string' ? route.query.draft : null,
    }),
    meta: { title: 'New workflow', wide: true },
  },
  {
    path: '/workflows/:id/edit',
    name: 'workflow-edit',
    component: () => import('./pages/WorkflowEditorPage.vue'),
    props: true,
    meta: { title: 'Edit workflow', wide: true },
  },
  {
    path: '/drafts',
    name: 'drafts',
    component: () => import('./pages/DraftsPage.vue'),
    meta: { title: 'Drafts' },
  },
  {
    path: '/workflows/:id',
    name: 'workflow',
    component: () => import('./pages/WorkflowPage.vue'),
    props: true,
    meta: { title: 'Workflow' },
  },
  {
    path: '/apps',
    name: 'apps',
    component: () => import('./pages/AppsPage.vue'),
    meta: { title: 'Apps' },
  },
  {
    path: '/logs',
    name: 'logs',
    component: () => import('./pages/LogsPage.vue'),
    meta: { title: 'Execution logs' },
  },
  {
    path: '/jobs/:id',
    name: 'job',
    component: () => import('./pages/JobPage.vue'),
    props: true,
    meta: { title: 'Job' },
  },
  {
    path: '/:unknown(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { title: 'Page not found' },
  },
]

/** Tests pass a memory history; the app uses the browser's. */
export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes })
  router.afterEach((to) => {
    const title = typeof to.meta.title === 'string' ? to.meta.title : ''
    document.title = title ? `${title} · Switchboard` : 'Switchboard'
  })
  return router
}
