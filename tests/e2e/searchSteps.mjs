// Search as people type it, in a real Chromium: an original and its remake both offered, the
// better-supported first; a sequel by "part 2"; a name with the accents its alternate title carries;
// a trilogy by its initials.
import { check } from './harness.mjs';

/** Types `query` into "Find a film you have seen" and waits for options whose first ones start with `first`. */
async function optionsFor(page, query, first) {
  const box = page.getByRole('combobox', { name: 'Find a film you have seen' });
  await box.fill(query);
  const list = `#${await box.getAttribute('aria-controls')}`;
  await page
    .waitForFunction(
      ([sel, want]) => {
        const shown = [...document.querySelectorAll(`${sel} [role=option]`)].map((o) => o.textContent);
        return want.every((w, i) => shown[i]?.startsWith(w));
      },
      [list, first],
      { timeout: 10_000 },
    )
    .catch(async () => {
      const shown = await page.locator(`${list} [role=option]`).allTextContents();
      check(false, `"${query}" should offer ${first.join(', ')} first: ${shown.slice(0, 4).join(' | ')}`);
    });
  const shown = await page.locator(`${list} [role=option]`).allTextContents();
  await box.fill('');
  return shown[0];
}

export async function searchSteps(step, page, options = {}) {
  await step(
    'search: "oldboy" offers the original and the remake, "godfather part 2" finds Part II, "amelie" is Amélie, "lotr" the trilogy',
    async () => {
      const seen = [
        await optionsFor(page, 'oldboy', ['Old Boy (2003)', 'Oldboy (2013)']),
        await optionsFor(page, 'godfather part 2', ['The Godfather: Part II (1974)']),
        await optionsFor(page, 'amelie', ['Amélie (2001)']),
        await optionsFor(page, 'lotr', Array(3).fill('The Lord of the Rings: The ')),
      ];
      return seen.join(' | ');
    },
    options,
  );
}
