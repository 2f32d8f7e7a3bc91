// The shared looks of form controls. Every form uses these rather than its own class strings.

/** A text input, select or textarea; red border when refused (aria-invalid). */
export const inputClass = 'rounded-sm border border-current/30 bg-transparent px-2 py-1 aria-[invalid=true]:border-red-700';
/** The same, filling its column (long fields: titles, bodies, bios). */
export const wideInputClass = `w-full ${inputClass} px-3 py-2`;
/** The form's main button. */
export const primaryButton = 'rounded-sm bg-[var(--color-ink)] px-4 py-2 font-semibold text-[var(--color-paper)] disabled:opacity-60';
/** A secondary button beside the main one. */
export const secondaryButton = 'rounded-sm border border-current/40 px-4 py-2 font-semibold hover:bg-current/5 disabled:opacity-60';
/** A small button in a row or a table (the moderation desk, taxonomy rows). */
export const smallButton = 'rounded-sm border border-current/40 px-2 py-1 text-sm font-semibold hover:bg-current/5 disabled:opacity-60';
/** A small button that destroys something. */
export const dangerButton = `${smallButton} border-red-800 text-red-800 dark:text-red-300`;
/** A form's button that takes something away (the editor's Unpublish), beside the main one. */
export const dangerSecondaryButton = `${secondaryButton} border-red-800 text-red-800 dark:text-red-300`;
export const errorText = 'text-sm font-semibold text-red-700 dark:text-red-400';
export const successText = 'text-sm font-semibold text-green-800 dark:text-green-300';
