/*
 * The main menu folds behind a "Menu" button on a phone.
 *
 * Progressive enhancement. Without JavaScript the button stays hidden and every link is shown. With
 * it, the class below lets the stylesheet show the button on narrow screens and hide the list until
 * the button is pressed; on a desktop the stylesheet hides the button and always shows the list.
 */
(function () {
    "use strict";

    var nav = document.querySelector(".main-nav");
    var button = nav && nav.querySelector(".main-nav__toggle");
    if (!button) {
        return;
    }
    button.setAttribute("aria-expanded", "false");
    nav.classList.add("has-toggle");
    button.addEventListener("click", function () {
        var expanded = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", expanded ? "false" : "true");
    });
}());
