import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { RouteError } from '../components/RouteError';
import { PageLoading } from './PageLoading';
import { RootLayout } from './RootLayout';

type PageModule = { default: React.ComponentType };

/** Each page is its own chunk: the landing page downloads none of the app's code. */
function page(load: () => Promise<PageModule>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

/**
 * Stripe sends buyers back to `{public address}/settings/billing?checkout=…` (Billing:SuccessUrl, CancelUrl and
 * PortalReturnUrl): the app's billing page, with the query kept.
 */
function BillingReturn() {
  const { search } = useLocation();
  return <Navigate to={`/app/settings/billing${search}`} replace />;
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    // Shown while the first page's code downloads.
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, ...page(() => import('../features/landing/LandingPage')) },
      { path: 'sign-in', ...page(() => import('../features/auth/SignInPage')) },
      { path: 'sign-up', ...page(() => import('../features/auth/SignUpPage')) },
      { path: 'accept-invite', ...page(() => import('../features/auth/AcceptInvitePage')) },
      { path: 'forgot-password', ...page(() => import('../features/auth/ForgotPasswordPage')) },
      { path: 'reset-password', ...page(() => import('../features/auth/ResetPasswordPage')) },
      { path: 'verify-email', ...page(() => import('../features/auth/VerifyEmailPage')) },
      { path: 'auth/callback/:provider', ...page(() => import('../features/auth/ExternalCallbackPage')) },
      { path: 'settings/billing', element: <BillingReturn /> },
      // A client's review link: no account, the secret in the path is the permission.
      { path: 'review/:token', ...page(() => import('../features/review/ReviewPage')) },
      {
        path: 'app',
        ...page(() => import('./shell/AppLayout')),
        children: [
          {
            errorElement: <RouteError embedded />,
            children: [
              { index: true, ...page(() => import('../features/dashboard/DashboardPage')) },
              { path: 'brands', ...page(() => import('../features/brands/BrandsPage')) },
              { path: 'brands/:brandId', ...page(() => import('../features/brands/BrandPage')) },
              { path: 'onboarding', ...page(() => import('../features/onboarding/OnboardingPage')) },
              { path: 'files', ...page(() => import('../features/assets/FilesPage')) },
              { path: 'files/drive', ...page(() => import('../features/drive/DriveImportPage')) },
              { path: 'chat', ...page(() => import('../features/chat/ChatPage')) },
              { path: 'market', ...page(() => import('../features/market/MarketAnalysisPage')) },
              { path: 'calendar', ...page(() => import('../features/calendar/CalendarPage')) },
              { path: 'calendar/import', ...page(() => import('../features/calendar/import/ImportPage')) },
              { path: 'approvals', ...page(() => import('../features/calendar/ApprovalsPage')) },
              { path: 'analytics', ...page(() => import('../features/analytics/AnalyticsPage')) },
              { path: 'automation/connections', ...page(() => import('../features/social/ConnectionsPage')) },
              { path: 'automation/profiles', ...page(() => import('../features/automation/ProfileKitsPage')) },
              { path: 'automation/google-business', ...page(() => import('../features/automation/GoogleBusinessPage')) },
              {
                path: 'settings',
                ...page(() => import('../features/settings/SettingsLayout')),
                children: [
                  { index: true, ...page(() => import('../features/settings/SettingsIndex')) },
                  { path: 'workspace', ...page(() => import('../features/settings/WorkspacePage')) },
                  { path: 'account', ...page(() => import('../features/account/AccountPage')) },
                  { path: 'team', ...page(() => import('../features/team/TeamPage')) },
                  { path: 'sessions', ...page(() => import('../features/sessions/SessionsPage')) },
                  { path: 'audit-log', ...page(() => import('../features/audit/AuditLogPage')) },
                  { path: 'billing', ...page(() => import('../features/billing/BillingPage')) },
                  { path: 'calendar-link', ...page(() => import('../features/settings/CalendarLinkPage')) },
                  { path: 'queue', ...page(() => import('../features/queue/QueuePage')) },
                  { path: 'feeds', ...page(() => import('../features/feeds/FeedsPage')) },
                  { path: 'brand-rules', ...page(() => import('../features/brandGuard/BrandRulesPage')) },
                  { path: 'snippets', ...page(() => import('../features/snippets/SnippetsPage')) },
                  { path: 'api-keys', ...page(() => import('../features/apiKeys/ApiKeysPage')) },
                  { path: 'webhooks', ...page(() => import('../features/webhooks/WebhooksPage')) },
                ],
              },
              { path: '*', ...page(() => import('./NotFoundPage').then((m) => ({ default: m.AppNotFoundPage }))) },
            ],
          },
        ],
      },
      { path: '*', ...page(() => import('./NotFoundPage')) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
