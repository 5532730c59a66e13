import type { Catalogue, Fragment } from './types.js';

/** Folds case and diacritics so "een" finds "één". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The fragments a list shows: a theme's in its order, or an interview's by start time. */
export function listFragments(
  catalogue: Catalogue,
  by: { theme?: string; interview?: string },
): Fragment[] | undefined {
  if (by.theme !== undefined) {
    const theme = catalogue.themes.get(by.theme);
    return theme?.fragments.map((id) => catalogue.fragments.get(id) as Fragment);
  }
  if (by.interview !== undefined) {
    if (!catalogue.interviews.has(by.interview)) return undefined;
    return [...catalogue.fragments.values()]
      .filter((f) => f.interview === by.interview)
      .sort((a, b) => a.start - b.start);
  }
  return undefined;
}

/** Keeps the fragments whose title, description or interviewee contains every word of `query`. */
export function filterFragments(catalogue: Catalogue, fragments: Fragment[], query: string): Fragment[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return fragments;
  return fragments.filter((fragment) => {
    const interview = catalogue.interviews.get(fragment.interview);
    const person = interview?.person === undefined ? undefined : catalogue.people.get(interview.person);
    const haystack = fold([fragment.title, fragment.description, person?.name, interview?.title].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
