import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ApiError } from "../api/errors";
import { I18nProvider } from "../i18n";
import { ErrorText } from "./ErrorText";

const clock = new ApiError("must not be in the future: check the phone's date and time", "VALIDATION", "recordedAt", undefined, undefined, [
  { field: "recordedAt", message: "must not be in the future: check the phone's date and time" },
]);

describe("ErrorText", () => {
  it("leaves a field's problem to its field, unless the form has no input for it", () => {
    expect(renderToStaticMarkup(<I18nProvider><ErrorText error={clock} /></I18nProvider>)).toBe("");
    expect(renderToStaticMarkup(<I18nProvider><ErrorText error={clock} also={["recordedAt"]} /></I18nProvider>)).toContain("check the phone&#x27;s date and time");
  });
});
