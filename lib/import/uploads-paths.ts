/** Where each system keeps its uploads on the old site: WordPress's wp-content/uploads, Ghost's content/images. */
export const UPLOADS_PATHS = { wordpress: '/wp-content/uploads/', ghost: '/content/images/' } as const;
