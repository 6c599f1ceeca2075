/** The window event by which a view asks for a parameter's slider; `detail` is `{ id }`. */
export const PARAM_FOCUS_EVENT = "chokepoint:focus-param";

/** Asks the parameter controls to open and focus a parameter's slider (ParamControls listens; on a small screen the
 * workspace opens its controls drawer too). */
export function requestParamFocus(id: string): void {
  window.dispatchEvent(new CustomEvent(PARAM_FOCUS_EVENT, { detail: { id } }));
}
