import { linkTo } from "../scenario/url";
/** The absolute link of a page of the app for a scenario query: origin + path + "?" + query. */
export function scenarioLink(origin: string, path: string, query: string): string {
  // linkTo puts a long scenario in the fragment, as the address bar does.
  return `${origin.replace(/\/+$/, "")}${linkTo(path, query.replace(/^\?/, ""))}`;
}
