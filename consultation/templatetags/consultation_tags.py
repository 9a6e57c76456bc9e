from django import template

from ..cached_forms import blank_form
from ..dates import days_left_in_words

register = template.Library()


@register.simple_tag
def days_left(end):
    """ "zostały 3 dni", "został 1 dzień", "ostatni dzień"."""
    return days_left_in_words(end)


class BlankFormNode(template.Node):
    def __init__(self, nodelist, seconds, page):
        self.nodelist, self.seconds, self.page = nodelist, seconds, page

    def render(self, context):
        return blank_form(
            context["request"],
            self.seconds.resolve(context),
            self.page.resolve(context),
            lambda: self.nodelist.render(context),
        )


@register.tag
def blank_form_cache(parser, token):
    """{% blank_form_cache seconds page %}…{% endblank_form_cache %}: a form page's form, kept
    rendered without its visitor's values (consultation/cached_forms.py, `blank_form`)."""
    try:
        _name, seconds, page = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("blank_form_cache: {% blank_form_cache seconds page %}") from None
    nodelist = parser.parse(("endblank_form_cache",))
    parser.delete_first_token()
    return BlankFormNode(nodelist, parser.compile_filter(seconds), parser.compile_filter(page))
