/**
 * Where PaperShelf runs: host permissions, and each site's content-script match patterns (the
 * adapters' `matches`). A dependency-free module, so wxt.config.ts and the background can import
 * it without loading any adapter code.
 */
export const HOST_PERMISSIONS = ['https://huggingface.co/*', 'https://arxiv.org/*'] as const;


/** Content-script match patterns, per adapter id. */
export const MATCHES = {
  huggingface: ['https://huggingface.co/papers*'],
  arxiv: ['https://arxiv.org/list/*', 'https://arxiv.org/search/*', 'https://arxiv.org/abs/*'],
} as const satisfies Record<string, readonly string[]>;

/** Every page a content script runs on. */
export const CONTENT_MATCHES: readonly string[] = /* @__PURE__ */ Object.values(MATCHES).flat();
