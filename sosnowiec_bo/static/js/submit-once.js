/*
 * A resident form sent once: after the first submit its button is disabled, so a double click or an
 * impatient second click sends nothing more. Only an enhancement: the server saves a form once
 * whatever arrives (its one-time token), and without JavaScript the form works as before. A page
 * brought back with the Back button gets its button back.
 */
(function () {
    "use strict";

    function buttons(form) {
        return form.querySelectorAll("button[type='submit']");
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches || !form.matches("form.resident-form") || event.defaultPrevented) {
            return;
        }
        if (form.dataset.sent) {
            event.preventDefault();
            return;
        }
        form.dataset.sent = "true";
        buttons(form).forEach(function (button) {
            button.disabled = true;
        });
    });

    window.addEventListener("pageshow", function (event) {
        if (!event.persisted) {
            return;
        }
        document.querySelectorAll("form.resident-form[data-sent]").forEach(function (form) {
            delete form.dataset.sent;
            buttons(form).forEach(function (button) {
                button.disabled = false;
            });
        });
    });
})();
