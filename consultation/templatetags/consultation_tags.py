from collections import OrderedDict

from django import template
from django.templatetags.cache import CacheNode

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


class LocalCopyCacheNode(CacheNode):
    """Django's `{% cache %}` node, with a copy of each fragment kept in this process too.

    A consultation's draft act with its comments is a fragment of some 400 KB: read from the
    shared cache and unpickled on every request, it cost more than the rest of the page. Its key
    holds the fragment generation and the minute (`home.page_cache.FragmentCache`), read from the
    shared cache on every request, so a copy under the same key is exactly as fresh as the shared
    one: a change draws a new generation and no process finds a copy under the new key. Only the
    last `LOCAL_COPIES` fragments are kept, and only with a lifetime (not in previews)."""

    LOCAL_COPIES = 16
    copies = OrderedDict()

    def render(self, context):
        seconds = self.expire_time_var.resolve(context)
        if not seconds:
            return super().render(context)
        key = (self.fragment_name, *(var.resolve(context) for var in self.vary_on))
        value = self.copies.get(key)
        if value is None:
            value = super().render(context)
            self.copies[key] = value
            while len(self.copies) > self.LOCAL_COPIES:
                self.copies.popitem(last=False)
        return value


@register.tag
def local_copy_cache(parser, token):
    """{% local_copy_cache seconds "name" key… %}…{% endlocal_copy_cache %}: `{% cache %}` with a
    copy kept in the process (`LocalCopyCacheNode`), for a large fragment whose key changes with
    everything it shows."""
    try:
        _name, seconds, fragment_name, *vary_on = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            'local_copy_cache: {% local_copy_cache seconds "name" key… %}'
        ) from None
    nodelist = parser.parse(("endlocal_copy_cache",))
    parser.delete_first_token()
    # As `{% cache %}`: the name as written (quotes too), so the shared cache's keys stay the same.
    return LocalCopyCacheNode(
        nodelist,
        parser.compile_filter(seconds),
        fragment_name,
        [parser.compile_filter(t) for t in vary_on],
        None,
    )
