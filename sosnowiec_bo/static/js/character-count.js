/*
 * Character count for resident form fields with a length limit (`data-maxlength`).
 *
 * Progressive enhancement: the limit is stated in the field's help text and the server refuses a
 * longer text with a message, keeping it in the field. Here the count shows as the resident types;
 * screen readers hear it once typing pauses, not at every key.
 */
(function () {
    "use strict";

    var ANNOUNCE_AFTER_MS = 1000;
    // One-line fields (a signature, an e-mail) show the count only near their limit.
    var ONE_LINE_SHOWN_FROM = 0.8;

    // The texts come translated from the server, with %(count)s, %(limit)s and %(excess)s.
    function counterText(field, length, limit) {
        var over = length > limit;
        var template = field.getAttribute(over ? "data-count-over-text" : "data-count-text") || "";
        return template
            .replace("%(count)s", length)
            .replace("%(limit)s", limit)
            .replace("%(excess)s", length - limit);
    }

    function enhance(field) {
        var limit = parseInt(field.getAttribute("data-maxlength"), 10);
        if (!limit) {
            return;
        }
        var shown = document.createElement("p");
        shown.className = "form-field__counter";
        shown.setAttribute("aria-hidden", "true");
        var announced = document.createElement("p");
        announced.className = "visually-hidden";
        announced.setAttribute("aria-live", "polite");
        field.insertAdjacentElement("afterend", announced);
        field.insertAdjacentElement("afterend", shown);
        var timer = null;
        var oneLine = field.tagName !== "TEXTAREA";

        function update(announce) {
            var length = field.value.length;
            var text = counterText(field, length, limit);
            shown.textContent = text;
            shown.hidden = oneLine && length < limit * ONE_LINE_SHOWN_FROM;
            shown.classList.toggle("form-field__counter--over", length > limit);
            window.clearTimeout(timer);
            if (announce) {
                timer = window.setTimeout(function () {
                    announced.textContent = text;
                }, ANNOUNCE_AFTER_MS);
            }
        }

        field.addEventListener("input", function () {
            update(true);
        });
        update(false);
    }

    document.querySelectorAll("[data-maxlength]").forEach(enhance);
})();
