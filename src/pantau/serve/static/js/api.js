// Talking to the JSON API, and keeping a page's filters in its URL so every view can be
// linked, reloaded and reached with the back button.

import { $, fill } from "./dom.js";

export class ApiError extends Error {}

/** GET a JSON resource; empty parameters are left out. */
export async function getJSON(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch {
      // not JSON
    }
    throw new ApiError(`${url.pathname}: ${response.status} ${detail}`);
  }
  return response.json();
}

const loads = new Map();

/** Start a load of one part of a page (`part`): the returned check says whether it is
 * still the newest load of that part. An answer that arrives after a later load's is
 * stale and must not be drawn (removing a filter chip, then pressing reset, must not end
 * on the chip's answer). */
export function newest(part) {
  const run = (loads.get(part) ?? 0) + 1;
  loads.set(part, run);
  return () => loads.get(part) === run;
}

let codebookPromise = null;

/** CAMEO root names, PLOVER types, QuadClass names and modalities (fetched once). */
export function codebook() {
  codebookPromise ??= getJSON("/dashboard-data/codebook");
  return codebookPromise;
}

/** Show a problem in the banner under the navigation bar (text only). */
export function showError(error) {
  const banner = $("#error");
  fill(banner, String(error && error.message ? error.message : error));
  banner.hidden = false;
}

export function clearError() {
  $("#error").hidden = true;
}

/** Run an async page step, reporting failures in the banner instead of the console. */
export async function guarded(step) {
  try {
    clearError();
    return await step();
  } catch (error) {
    showError(error);
    return undefined;
  }
}

/** The page's current URL query as a plain object. */
export function urlState() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Record new query parameters in the address bar (a history entry, so Back works). */
export function setUrlState(state, { replace = false } = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const text = query.toString();
  const url = location.pathname + (text ? `?${text}` : "") + location.hash;
  if (url === location.pathname + location.search + location.hash) return;
  history[replace ? "replaceState" : "pushState"](null, "", url);
}

/**
 * Two-way binding of a filter form and the URL: fields are filled from the URL; submitting
 * or changing a select/date writes the form to the URL and calls `onChange(state)`.
 * Returns a function that re-reads the URL (used on Back/Forward).
 */
export function bindForm(form, onChange, extra = () => ({})) {
  const fields = [...form.elements].filter((e) => e.name);
  const read = () => {
    const state = { ...urlState() };
    for (const field of fields) state[field.name] = field.value.trim();
    return { ...state, ...extra(), offset: "" };
  };
  const load = () => {
    const state = urlState();
    for (const field of fields) field.value = state[field.name] ?? "";
    return state;
  };
  const submit = (event) => {
    event?.preventDefault();
    const state = read();
    setUrlState(state);
    onChange(urlState());
  };
  form.addEventListener("submit", submit);
  for (const field of fields) {
    if (field.tagName === "SELECT" || field.type === "date")
      field.addEventListener("change", submit);
  }
  const reset = form.querySelector("[data-reset]");
  reset?.addEventListener("click", (event) => {
    event.preventDefault();
    for (const field of fields) field.value = "";
    submit();
  });
  window.addEventListener("popstate", () => onChange(load()));
  return load;
}
