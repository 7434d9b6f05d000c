import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['Application.Auth.AuthResponse'];
export type AuthUser = Schemas['Application.Auth.AuthUser'];
export type AuthTenant = Schemas['Application.Auth.AuthTenant'];
export type TwoFactorChallenge = Schemas['Application.Auth.TwoFactorChallengeResponse'];
export type TwoFactorStatus = Schemas['Application.Auth.TwoFactorStatusDto'];
export type AuthenticatorSetup = Schemas['Application.Auth.AuthenticatorSetupDto'];
export type SessionInfo = Schemas['Application.Auth.SessionDto'];
export type Company = Schemas['Application.Companies.CompanyDto'];
export type CompanyRequest = Schemas['WebApi.Endpoints.CompanyEndpoints.CompanyRequest'];
export type Tenant = Schemas['Application.Tenants.TenantDto'];
export type Member = Schemas['Application.Tenants.MemberDto'];
export type Invitation = Schemas['Application.Tenants.InvitationDto'];
export type AuditEvent = Schemas['Application.Tenants.AuditEventDto'];
export type AuditPage = Schemas['Application.Tenants.AuditPage'];
export type Role = Schemas['Domain.Tenants.TenantRole'];

export const roles: readonly Role[] = ['viewer', 'editor', 'admin'];

export type OnboardingProgress = Schemas['Application.Onboarding.OnboardingProgressDto'];
export type CompanyProfile = Schemas['Application.Onboarding.CompanyProfileDto'];
export type OnboardingCompanyRequest = Schemas['WebApi.Endpoints.OnboardingEndpoints.OnboardingCompanyRequest'];
export type CompanyBasicsStep = Schemas['Application.Onboarding.CompanyBasics'];
export type AudienceStep = Schemas['Application.Onboarding.AudienceStep'];
export type VoiceStep = Schemas['Application.Onboarding.VoiceStep'];
export type StrategyStep = Schemas['Application.Onboarding.StrategyStep'];
export type IdentityStep = Schemas['Application.Onboarding.IdentityStep'];
export type BrandValue = Schemas['Application.Onboarding.BrandValueDto'];

export type Asset = Schemas['Application.Assets.AssetDto'];
export type AssetPage = Schemas['Application.Assets.AssetPage'];
export type AssetUpdate = Schemas['WebApi.Endpoints.AssetEndpoints.UpdateAssetRequest'];
export type FileSearchHit = Schemas['Application.Assets.FileSearchHit'];

export type PlanList = Schemas['Application.Billing.PlanListDto'];
export type PlanInfo = Schemas['Application.Billing.PlanDto'];
export type PlanLimits = Schemas['Application.Billing.PlanLimits'];
export type SubscriptionStatus = Schemas['Application.Billing.SubscriptionStatusDto'];
export type PlanAccess = Schemas['Application.Billing.PlanAccess'];
export type BillingHistory = Schemas['Application.Billing.BillingHistoryDto'];
export type Invoice = Schemas['Application.Billing.InvoiceDto'];
export type InvoiceStatus = Schemas['Domain.Billing.InvoiceStatus'];

/** True when the API (as the generated schema describes it) has `path`: features wait for their endpoint. */
export type HasEndpoint<P extends string> = P extends keyof paths ? true : false;

export type SocialPlatform = Schemas['Domain.Social.SocialPlatform'];
export type SocialConnection = Schemas['Application.Social.SocialConnectionDto'];
export type SocialProfileKit = Schemas['Application.Social.SocialProfileKitDto'];
export type ProfileKitText = Schemas['Application.Social.ProfileKitTextDto'];
export type ProfileKitImage = Schemas['Application.Social.ProfileKitImageDto'];
export type GoogleBusinessLocation = Schemas['Application.Social.GoogleBusinessLocationDto'];
export type CreateGoogleBusinessLocationRequest =
  Schemas['WebApi.Endpoints.ProfileKitEndpoints.CreateGoogleBusinessLocationRequest'];
