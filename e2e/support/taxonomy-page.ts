import type { Locator, Page } from '@playwright/test';

// The sections and tags desk (/admin/sections), by role and label. Each row's fields and buttons are
// named after the section or tag as it is now (e.g. "Save section Harbour Life").

export class TaxonomyPage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/sections');
  }

  /** A message on the desk, by its text (e.g. "Moved up."). */
  text(words: string) {
    return this.page.getByText(words);
  }

  /** The message tied to a field: the first id of its aria-describedby (the error, when there is one). */
  async messageOf(field: Locator): Promise<Locator> {
    const ids = await field.getAttribute('aria-describedby');
    return this.page.locator(`#${ids!.split(' ')[0]}`);
  }

  // ---- add a section ---------------------------------------------------------------------
  get newSectionName() {
    return this.page.getByLabel('Section name', { exact: true });
  }
  get newSectionSlug() {
    return this.page.getByLabel('Section slug', { exact: true });
  }
  get newSectionDescription() {
    return this.page.getByLabel('Description', { exact: true });
  }
  get createSectionButton() {
    return this.page.getByRole('button', { name: 'Create section' });
  }

  // ---- a section's row -------------------------------------------------------------------
  sectionName(name: string) {
    return this.page.getByLabel(`Name of section ${name}`);
  }
  sectionSlug(name: string) {
    return this.page.getByLabel(`Slug of section ${name}`);
  }
  saveSectionButton(name: string) {
    return this.page.getByRole('button', { name: `Save section ${name}` });
  }
  /** The button that deletes, inside the row's confirmation (hidden until "Delete…" opens it). */
  deleteSectionButton(name: string) {
    return this.page.getByRole('button', { name: `Delete section ${name}`, exact: true });
  }
  /** The row's "Delete…", which only opens the confirmation (what deleting does, and the real button). */
  openDeleteSection(name: string) {
    return this.page.getByLabel(`Delete section ${name}…`, { exact: true });
  }
  /** Deletes a section as a person would: "Delete…", then the confirmation's "Delete section". */
  async deleteSection(name: string) {
    await this.openDeleteSection(name).click();
    await this.deleteSectionButton(name).click();
  }
  moveSectionUpButton(name: string) {
    return this.page.getByRole('button', { name: `Move section ${name} up` });
  }

  // ---- tags ------------------------------------------------------------------------------
  deleteTagButton(name: string) {
    return this.page.getByRole('button', { name: `Delete tag ${name}`, exact: true });
  }
  openDeleteTag(name: string) {
    return this.page.getByLabel(`Delete tag ${name}…`, { exact: true });
  }
  async deleteTag(name: string) {
    await this.openDeleteTag(name).click();
    await this.deleteTagButton(name).click();
  }
  get tagToMerge() {
    return this.page.getByLabel('Tag to merge');
  }
  get mergeInto() {
    return this.page.getByLabel('Merge into');
  }
  get mergeButton() {
    return this.page.getByRole('button', { name: 'Merge tag' });
  }
}
