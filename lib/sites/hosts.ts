/**
 * Host permissions for every supported site (content-script matches are each adapter's own
 * `matches`). Kept in a dependency-free module so wxt.config.ts can import it.
 */
export const HOST_PERMISSIONS = ['https://huggingface.co/*', 'https://arxiv.org/*'] as const;

