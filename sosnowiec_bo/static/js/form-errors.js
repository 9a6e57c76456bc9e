/*
 * A form sent back with errors: its summary takes focus, so a screen reader reads it at once and the
 * next Tab reaches its links to the fields. Without JavaScript the page opens at the form
 * (#formularz), the summary is the first thing in it and its first link is the next Tab stop.
 */
(function () {
    "use strict";

    // After the load: the browser's jump to #formularz, which clears focus, comes before it; focus
    // the resident has already moved on stays where it is.
    window.addEventListener("load", function () {
        var summary = document.getElementById("form-errors");
        if (summary && document.activeElement === document.body) {
            summary.focus();
        }
    });
})();
