import type { paths } from './schema.gen.js';

export type { paths, components, operations } from './schema.gen.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for this method. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer O } ? ([O] extends [never | undefined] ? never : P) : never;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;

type JsonOf<C> = C extends { content: { 'application/json': infer B } } ? B : C extends { content: { 'multipart/form-data': unknown } } ? FormData : never;

type Success<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonOf<R[S]> : never }[keyof R]
  : never;

/** The problem document (RFC 9457) the API answers a refused request with. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export type RequestInit<O> = {
  params?: O extends { parameters: infer X } ? { path?: X extends { path?: infer V } ? V : never; query?: X extends { query?: infer V } ? V : never; header?: X extends { header?: infer V } ? V : never } : never;
  body?: O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export type Answer<O> =
  | { data: Success<O>; error: undefined; response: Response }
  | { data: undefined; error: Problem; response: Response };

type Call<M extends Method> = <P extends PathsWith<M>>(path: P, init?: RequestInit<Operation<P, M>>) => Promise<Answer<Operation<P, M>>>;

export interface BrandAutomatorClient {
  GET: Call<'get'>;
  POST: Call<'post'>;
  PUT: Call<'put'>;
  PATCH: Call<'patch'>;
  DELETE: Call<'delete'>;
}

export interface ClientOptions {
  /** The app's address, e.g. https://app.example.com */
  baseUrl: string;
  /** A workspace API key (ba_live_...), sent in X-Api-Key. */
  apiKey: string;
  /** Another fetch (a proxy agent, a test double); the global one by default. */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export declare function createBrandAutomatorClient(options: ClientOptions): BrandAutomatorClient;

/** A fresh Idempotency-Key: send the same one again to repeat a create safely. */
export declare function newIdempotencyKey(): string;
