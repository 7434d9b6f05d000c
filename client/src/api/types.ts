import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['AuthResponse'];
export type AuthUser = Schemas['AuthUser'];
export type AuthTenant = Schemas['AuthTenant'];
export type TwoFactorChallenge = Schemas['TwoFactorChallengeResponse'];
export type TwoFactorStatus = Schemas['TwoFactorStatusDto'];
export type AuthenticatorSetup = Schemas['AuthenticatorSetupDto'];
export type SessionInfo = Schemas['SessionDto'];
export type Company = Schemas['CompanyDto'];
export type CompanyRequest = Schemas['CompanyRequest'];
export type Tenant = Schemas['TenantDto'];
export type Member = Schemas['MemberDto'];
export type Invitation = Schemas['InvitationDto'];
export type AuditEvent = Schemas['AuditEventDto'];
export type AuditPage = Schemas['AuditPage'];
export type Role = Schemas['TenantRole'];

export const roles: readonly Role[] = ['viewer', 'editor', 'admin'];

export type OnboardingProgress = Schemas['OnboardingProgressDto'];
export type CompanyProfile = Schemas['CompanyProfileDto'];
export type OnboardingCompanyRequest = Schemas['OnboardingCompanyRequest'];
export type CompanyBasicsStep = Schemas['CompanyBasics'];
export type AudienceStep = Schemas['AudienceStep'];
export type VoiceStep = Schemas['VoiceStep'];
export type StrategyStep = Schemas['StrategyStep'];
export type IdentityStep = Schemas['IdentityStep'];
export type BrandValue = Schemas['BrandValueDto'];
export type BrandStrategy = Schemas['BrandStrategy'];
export type StrategyResults = Schemas['StrategyResults'];

export type Asset = Schemas['AssetDto'];
export type AssetPage = Schemas['AssetPage'];
export type AssetUpdate = Schemas['UpdateAssetRequest'];
export type FileSearchHit = Schemas['FileSearchHit'];

export type PlanList = Schemas['PlanListDto'];
export type PlanInfo = Schemas['PlanDto'];
export type PlanLimits = Schemas['PlanLimits'];
export type SubscriptionStatus = Schemas['SubscriptionStatusDto'];
export type PlanAccess = Schemas['PlanAccess'];
export type BillingHistory = Schemas['BillingHistoryDto'];
export type Invoice = Schemas['InvoiceDto'];
export type InvoiceStatus = Schemas['InvoiceStatus'];

/** True when the API (as the generated schema describes it) has `path`: features wait for their endpoint. */
export type HasEndpoint<P extends string> = P extends keyof paths ? true : false;

export type SocialPlatform = Schemas['SocialPlatform'];
export type SocialConnection = Schemas['SocialConnectionDto'];
export type SocialProfileKit = Schemas['SocialProfileKitDto'];
export type ProfileKitText = Schemas['ProfileKitTextDto'];
export type ProfileKitImage = Schemas['ProfileKitImageDto'];
export type GoogleBusinessLocation = Schemas['GoogleBusinessLocationDto'];
export type CreateGoogleBusinessLocationRequest = Schemas['CreateGoogleBusinessLocationRequest'];
