"""The content checker's own rule for quotes, run by axe-core in the browser: a blockquote without
a language is reported, one with a valid `lang` is not, and a made-up code is reported too."""

from pathlib import Path

import axe_playwright_python
import pytest

from home.content_checks import QUOTE_LANG_RULE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
PAGE = """<!DOCTYPE html><html lang="pl"><head><title>Cytaty</title></head><body><main><h1>Cytaty</h1>
<blockquote lang="pl"><p>Budżet to nasze wspólne pieniądze.</p></blockquote>
<blockquote lang="en"><p>Think globally, act locally.</p></blockquote>
<blockquote id="bez-jezyka"><p>Cytat bez języka.</p></blockquote>
<blockquote id="zly-kod" lang="zz-nic"><p>Cytat ze złym kodem.</p></blockquote>
</main></body></html>"""


def test_quote_rule_reports_quotes_without_a_valid_language(browser):
    page = browser.new_page()
    page.set_content(PAGE)
    page.add_script_tag(path=str(AXE_JS))

    violations = page.evaluate(
        """async (rule) => {
            axe.configure({rules: [rule]});
            const results = await axe.run(document, {runOnly: ["quote-lang", "valid-lang"]});
            return results.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(" "))]);
        }""",
        QUOTE_LANG_RULE,
    )
    page.close()

    assert dict(violations) == {"quote-lang": ["#bez-jezyka"], "valid-lang": ["#zly-kod"]}
