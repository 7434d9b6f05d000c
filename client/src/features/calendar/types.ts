import type { components } from '../../api/schema.gen';

type Schemas = components['schemas'];

export type ContentItem = Schemas['Application.Content.ContentItemDto'];
export type ContentPage = Schemas['Application.Content.ContentPage'];
export type ContentState = Schemas['Domain.Content.ContentState'];
export type ContentVariant = Schemas['Application.Content.ContentVariantDto'];
export type ContentRequest = Schemas['WebApi.Endpoints.ContentEndpoints.ContentRequest'];
export type ContentSettings = Schemas['Application.Content.ContentSettingsDto'];
export type PlatformResult = Schemas['Application.Content.PlatformResultDto'];
export type PostDrafts = Schemas['Application.Ai.PostDraftsDto'];
