import type { components } from './schema.gen';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['Application.Auth.AuthResponse'];
export type AuthUser = Schemas['Application.Auth.AuthUser'];
export type AuthTenant = Schemas['Application.Auth.AuthTenant'];
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
