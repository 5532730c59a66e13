import type { Catalogue, Fragment, Interview, Person } from './types.js';

/** A fragment with the interview it comes from and the person interviewed. */
export interface FragmentView {
  fragment: Fragment;
  interview: Interview;
  person?: Person;
}

/** Looks a fragment up with its interview and person; undefined when it is not in the catalogue. */
export function viewFragment(catalogue: Catalogue, id: string | undefined): FragmentView | undefined {
  const fragment = id === undefined ? undefined : catalogue.fragments.get(id);
  if (!fragment) return undefined;
  // Validation guarantees the interview exists and the person link resolves.
  const interview = catalogue.interviews.get(fragment.interview) as Interview;
  const person = interview.person === undefined ? undefined : catalogue.people.get(interview.person);
  return { fragment, interview, person };
}
