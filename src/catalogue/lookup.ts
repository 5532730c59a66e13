import type { Catalogue, Fragment, Interview, Person } from './types.js';

/** A fragment with the interview it comes from and the person interviewed. */
export interface FragmentView {
  fragment: Fragment;
  interview: Interview;
  person?: Person;
}

/** A fragment with its interview (validation guarantees the link resolves) and the person interviewed. */
const view = (catalogue: Catalogue, fragment: Fragment, interview: Interview): FragmentView => ({
  fragment,
  interview,
  person: interview.person ? catalogue.people.get(interview.person) : undefined,
});

/** Looks a fragment up with its interview and person; undefined when it is not in the catalogue. */
export function viewFragment(catalogue: Catalogue, id: string | undefined): FragmentView | undefined {
  const fragment = id === undefined ? undefined : catalogue.fragments.get(id);
  return fragment && view(catalogue, fragment, catalogue.interviews.get(fragment.interview) as Interview);
}

/** An interview as a clip of itself (a fragment without an id), from `start` (to `end`); undefined when it is not in the catalogue. */
export function viewInterview(catalogue: Catalogue, id: string, start: number, end?: number): FragmentView | undefined {
  const interview = catalogue.interviews.get(id);
  return interview && view(catalogue, { id: '', interview: id, title: interview.title, start, end }, interview);
}
