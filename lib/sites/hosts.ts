/**
 * Host permissions and content-script match patterns for every supported site.
 * Kept in a dependency-free module so wxt.config.ts can import it.
 */
export const HOST_PERMISSIONS = ['https://huggingface.co/*', 'https://arxiv.org/*'] as const;

/** Pages the content script runs on (a superset of what adapters claim; detect() decides). */
export const CONTENT_MATCHES = [
  'https://huggingface.co/papers*',
  'https://arxiv.org/list/*',
  'https://arxiv.org/search/*',
  'https://arxiv.org/abs/*',
] as const;
