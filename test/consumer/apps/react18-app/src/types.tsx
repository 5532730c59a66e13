// What the React 18 components' types reject (`tsc --noEmit` in this app's build). A directive
// over a line without an error fails the build too, so each line is a test.
import { FragmentPlayer, ThemePage } from 'kijkom/react-components';

export const rejected = (
  <>
    {/* @ts-expect-error a property the element does not have */}
    <FragmentPlayer fragmnet="verbazing-eerste-contact" />
    {/* @ts-expect-error an event detail field that does not exist */}
    <ThemePage onFragmentSelect={(event) => event.detail.fragment} />
    {/* @ts-expect-error a property of the wrong type */}
    <ThemePage headingLevel="drie" />
  </>
);
