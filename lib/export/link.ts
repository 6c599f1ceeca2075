/** The absolute link of a page of the app for a scenario query: origin + path + "?" + query. */
export function scenarioLink(origin: string, path: string, query: string): string {
  return `${origin.replace(/\/+$/, "")}${path}?${query.replace(/^\?/, "")}`;
}
