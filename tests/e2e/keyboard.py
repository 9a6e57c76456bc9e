"""A resident with a keyboard alone: every Tab checked for what a sighted keyboard user needs. The
focused element is on screen and not covered, it shows a focus ring it does not have unfocused
(an outline of 2 px or more, or a box shadow), and it never sits above the previous stop unless it
starts a column to its right. `walk_to_footer_and_back` proves that nothing traps focus."""

# What the page looked like before anything had focus, per element, to compare the ring against.
SNAPSHOT = """() => {
    if (window.__unfocusedStyles) return;
    const styles = new Map();
    for (const element of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
        if (element === document.activeElement) continue;
        const style = getComputedStyle(element);
        styles.set(element, style.outlineStyle + " " + style.outlineWidth + " " + style.boxShadow);
    }
    window.__unfocusedStyles = styles;
}"""

FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    // A link broken over two lines: its first line, as the centre of its box may lie between them.
    const line = [...element.getClientRects()].find((rect) => rect.width && rect.height) || box;
    const left = Math.max(line.left, 0), right = Math.min(line.right, innerWidth);
    const top = Math.max(line.top, 0), bottom = Math.min(line.bottom, innerHeight);
    const hit = right > left && bottom > top ? document.elementFromPoint((left + right) / 2, (top + bottom) / 2) : null;
    const label = element.labels && [...element.labels].some((item) => item.contains(hit));
    const ring = style.outlineStyle + " " + style.outlineWidth + " " + style.boxShadow;
    const unfocused = window.__unfocusedStyles && window.__unfocusedStyles.get(element);
    element.__keyboardKey ??= (window.__keyboardKeys = (window.__keyboardKeys || 0) + 1);
    return {
        key: element.__keyboardKey,
        name: `${element.tagName.toLowerCase()}#${element.id} "${(element.innerText || element.value || "").trim().slice(0, 40)}"`,
        top: box.top + scrollY, left: box.left + scrollX, right: box.right + scrollX,
        width: box.width, height: box.height,
        onScreen: right > left && bottom > top,
        uncovered: Boolean(hit) && (element.contains(hit) || label),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
        changed: unfocused === undefined || unfocused !== ring,
    };
}"""

# The last element of the footer that Tab can reach.
FOOTER_END = """() => {
    const stops = [...document.querySelectorAll(".site-footer a[href], .site-footer button, .site-footer input")];
    return stops.filter((element) => element.tabIndex >= 0 && element.getClientRects().length).at(-1) === document.activeElement;
}"""

ROW = 8  # px: stops of one row (a menu, a comment's header) may sit a little higher than the last


def focused(page):
    return page.evaluate(FOCUSED)


def assert_visibly_focused(stop):
    assert stop is not None, "focus left the page"
    assert stop["width"] > 0 and stop["height"] > 0, f"{stop['name']} has no size"
    assert stop["onScreen"], f"{stop['name']} is focused off screen"
    assert stop["uncovered"], f"{stop['name']} is focused under something else"
    assert stop["outline"] or stop["shadow"], f"{stop['name']} shows no focus ring"
    assert stop["changed"], f"{stop['name']} looks the same focused and unfocused"


def assert_follows(before, after):
    """`after` comes after `before` when read: lower down, on the same row, or in a column to the right."""
    if before is None:
        return
    assert after["top"] >= before["top"] - ROW or after["left"] >= before["right"] - 1, (
        f"Tab jumped back up from {before['name']} to {after['name']}"
    )


def tab(page, backwards=False):
    """One press of Tab (Shift+Tab), checked; returns the new stop."""
    page.evaluate(SNAPSHOT)
    before = focused(page)
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    after = focused(page)
    assert_visibly_focused(after)
    if not backwards:
        assert_follows(before, after)
    return after


def tab_to(page, selector, limit=150):
    """Tab, each press checked, until the element matching `selector` has focus."""
    for _ in range(limit):
        if is_focused(page, selector):
            return
        tab(page)
    raise AssertionError(f"Tab never reached {selector}")


def is_focused(page, selector):
    return page.evaluate("(selector) => document.activeElement.matches(selector)", selector)


def walk_to_footer_and_back(page, limit=150):
    """From the top of a freshly opened page Tab reaches the footer's last link, every press moving
    focus on; Shift+Tab from there goes back to the skip link the same way. Returns the forward stops."""
    stops = []
    while not page.evaluate(FOOTER_END):
        assert len(stops) < limit, "Tab never reached the end of the footer"
        stops.append(tab(page))
        assert len(stops) < 2 or stops[-1]["key"] != stops[-2]["key"], f"focus stuck on {stops[-1]['name']}"
    back = [stops[-1]]
    while not is_focused(page, ".skip-link"):
        assert len(back) <= len(stops), "Shift+Tab never got back to the skip link"
        back.append(tab(page, backwards=True))
        assert back[-1]["key"] != back[-2]["key"], f"focus stuck on {back[-1]['name']}"
    keys = [stop["key"] for stop in stops]
    assert [stop["key"] for stop in back] == keys[::-1], "Shift+Tab does not retrace the Tab order"
    return stops


def skip_to_content(page):
    """The first Tab of a page focuses the skip link; Enter moves focus to the main content."""
    if not is_focused(page, ".skip-link"):
        tab(page)
    assert is_focused(page, ".skip-link"), "the first Tab does not reach the skip link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"


def assert_errors_tied(page, field_ids):
    """Each field named in the error summary is marked invalid and described by its own error."""
    for field_id in field_ids:
        field = page.locator(f"#{field_id}")
        assert field.get_attribute("aria-invalid") == "true", f"#{field_id} is not marked invalid"
        described = (field.get_attribute("aria-describedby") or "").split()
        assert f"{field_id}_error" in described, f"#{field_id} is not described by its error"
        assert page.locator(f"#{field_id}_error").inner_text().strip(), f"#{field_id} has an empty error"
