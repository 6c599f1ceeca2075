/** Asks the parameter controls to open and focus a parameter's slider (ParamControls listens). */
export function requestParamFocus(id: string): void {
  window.dispatchEvent(new CustomEvent("chokepoint:focus-param", { detail: { id } }));
}
