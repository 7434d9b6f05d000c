import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import { api, unwrap } from '../../api';
import type { components, paths } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

type Schemas = components['schemas'];
export type ReviewLink = Schemas['ReviewLinkDto'];
export type ReviewedPost = Schemas['ReviewedPostDto'];
export type ReviewDecision = Schemas['ReviewDecisionDto'];
export type CreatedReviewLink = Schemas['CreatedReviewLinkDto'];
export type NewReviewLink = Schemas['CreateReviewLinkRequest'];
export type SharedReview = Schemas['SharedReviewDto'];
export type SharedPost = Schemas['SharedPostDto'];
export type ReviewVerdict = Schemas['ReviewVerdict'];

/**
 * The reviewer has no account: their calls go without the app's session (no bearer token, no refresh), even when the
 * same browser is signed in to a workspace.
 */
const reviewerApi = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request: Request) => globalThis.fetch(request),
});

export function useSharedReview(token: string) {
  return useQuery({
    queryKey: ['review', token],
    queryFn: ({ signal }) => unwrap(reviewerApi.GET('/api/v1/review/{token}', { params: { path: { token } }, signal })),
    retry: false,
  });
}

export function useDecideSharedPost(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, ...body }: { postId: string; reviewerName: string; verdict: ReviewVerdict; comment?: string }) =>
      unwrap(
        reviewerApi.POST('/api/v1/review/{token}/posts/{postId}/decision', {
          params: { path: { token, postId } },
          body: { ...body, comment: body.comment ?? null },
        }),
      ),
    onSuccess: (post) =>
      queryClient.setQueryData<SharedReview>(['review', token], (review) =>
        review ? { ...review, posts: review.posts.map((p) => (p.id === post.id ? post : p)) } : review,
      ),
  });
}

function useReviewLinksKey() {
  return ['tenant', useSession()?.tenant.id, 'review-links'] as const;
}

export function useReviewLinks() {
  const key = useReviewLinksKey();
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/review-links', { signal })) });
}

/** The answer carries the link's secret: it stays with the caller (shown once), never in the query cache. */
export function useCreateReviewLink() {
  const key = useReviewLinksKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReviewLink) => unwrap(api.POST('/api/v1/review-links', { body })),
    onSuccess: (created) => queryClient.setQueryData<ReviewLink[]>(key, (list) => [created.link, ...(list ?? [])]),
  });
}

export function useRevokeReviewLink() {
  const key = useReviewLinksKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/review-links/{id}/revoke', { params: { path: { id } } })),
    onSuccess: (revoked) =>
      queryClient.setQueryData<ReviewLink[]>(key, (list) => list?.map((l) => (l.id === revoked.id ? revoked : l))),
  });
}
