/*
 * Display preferences: high contrast and larger text.
 *
 * Progressive enhancement. Without JavaScript the buttons send the form to /preferencje/ with the
 * state they switch to, which sets a cookie and redirects back. With it, a click switches the class on <html> in place, flips
 * aria-pressed and writes the same cookie, so the server renders the page the same way next time.
 */
(function () {
    "use strict";

    var CLASSES = { contrast: "is-high-contrast", large_text: "is-large-text" };
    var COOKIE_PREFIX = "bo_";
    var ONE_YEAR = 60 * 60 * 24 * 365;

    function writeCookie(name, enabled) {
        var secure = window.location.protocol === "https:" ? "; Secure" : "";
        document.cookie =
            COOKIE_PREFIX + name + "=" + (enabled ? "1" : "0") +
            "; path=/; max-age=" + ONE_YEAR + "; SameSite=Lax" + secure;
    }

    function toggle(button) {
        var name = button.getAttribute("data-preference");
        var className = CLASSES[name];
        if (!className) {
            return false;
        }
        var enabled = !document.documentElement.classList.contains(className);
        document.documentElement.classList.toggle(className, enabled);
        button.setAttribute("aria-pressed", enabled ? "true" : "false");
        button.value = enabled ? "0" : "1";
        writeCookie(name, enabled);
        return true;
    }

    function init() {
        var forms = document.querySelectorAll("form.preferences");
        Array.prototype.forEach.call(forms, function (form) {
            form.addEventListener("click", function (event) {
                var button = event.target.closest("button[data-preference]");
                if (button && form.contains(button) && toggle(button)) {
                    event.preventDefault();
                }
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
