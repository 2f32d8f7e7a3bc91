/**
 * The demo staff accounts' password, published in the README. The seed sets it; the admin layout warns
 * while any demo account still uses it. A module of its own so the layout does not load the seed content.
 */
export const DEMO_PASSWORD = 'broadsheet-demo';
