'use client';

/** "Select all on this page" for the bulk bar: ticks every row's box. */
export function SelectAllReplies() {
  return (
    <label className="inline-flex items-center gap-2 text-sm font-semibold">
      <input
        type="checkbox"
        onChange={(e) => {
          for (const box of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]')) box.checked = e.currentTarget.checked;
        }}
      />
      Select all on this page
    </label>
  );
}
