/**
 * The part of autocannon 9's API the benchmark uses (the package ships no
 * types).
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type AutocannonContext = Record<string, unknown>;

  export type AutocannonRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (
      request: AutocannonRequest,
      context: AutocannonContext,
    ) => AutocannonRequest;
    onResponse?: (
      status: number,
      body: string,
      context: AutocannonContext,
    ) => void;
  };

  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
  };

  export type AutocannonResult = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type AutocannonInstance = EventEmitter &
    PromiseLike<AutocannonResult> & { stop(): void };

  function autocannon(options: AutocannonOptions): AutocannonInstance;

  export default autocannon;
}
