import type { components } from '../../api/schema.gen';

type Schemas = components['schemas'];

export type ContentItem = Schemas['ContentItemDto'];
export type ContentPage = Schemas['ContentPage'];
export type ContentState = Schemas['ContentState'];
export type ContentVariant = Schemas['ContentVariantDto'];
export type ContentRequest = Schemas['ContentRequest'];
export type ContentSettings = Schemas['ContentSettingsDto'];
export type PlatformResult = Schemas['PlatformResultDto'];
export type PublishPart = Schemas['PublishPartDto'];
export type PostDrafts = Schemas['PostDraftsDto'];
