export { api, unwrap } from './client';
export { ApiError, errorMessage, isApiError, type ProblemDetails } from './errors';
export { apiFetch, apiUrl, refreshSession } from './http';
export { sessionStore, type EndReason, type Session } from './session';
export { uploadWithProgress, type UploadProgress, type UploadRequest } from './upload';
export * from './types';
