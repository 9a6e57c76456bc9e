"""Every picture of the public site, rendered one way: Wagtail's `<picture>` with AVIF and WebP
sources and a JPEG (PNG for a PNG upload, to keep its transparency) fallback, a `srcset` of the
widths its layout needs, `sizes`, and the width and height that reserve its space.

    {% load picture_tags %}
    {% responsive_picture page.cover_image "wide" alt=page.cover_image_alt class="…" %}
    {% responsive_picture item.cover_image "card" alt="" loading="lazy" %}

Pass `loading="lazy"` for every picture below the fold; the first picture of a page (the hero, a
cover) loads at once."""

from django import template
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

# layout: (the renditions' sizes, the `sizes` attribute: how wide the picture is on screen)
LAYOUTS = {
    "hero": ("fill-{480x320,720x480,1080x720}", "(min-width: 56em) 28rem, (min-width: 38rem) 36rem, 100vw"),
    "wide": ("width-{480,800,1200}", "(min-width: 64em) 46rem, 100vw"),
    "body": ("width-{480,800,1200}", "(max-width: 900px) 100vw, 860px"),
    "card": ("fill-{400x225,800x450}", "(min-width: 75rem) 23rem, (min-width: 48rem) 45vw, 100vw"),
    "thumbnail": ("fill-{320x180,640x360}", "(min-width: 48rem) 14rem, 100vw"),
    "update": ("width-{480,800}", "(min-width: 48rem) 30rem, 100vw"),
}
FORMATS = "format-{avif,webp,%s}"


def picture_filters(image, layout):
    resize, _sizes = LAYOUTS[layout]
    fallback = "png" if image.file.name.lower().endswith(".png") else "jpeg"
    return [Filter(spec=spec) for spec in Filter.expand_spec([FORMATS % fallback, resize])]


@register.simple_tag
def responsive_picture(image, layout, **attrs):
    """The image's `<picture>` for a layout of `LAYOUTS`; "" without an image."""
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, picture_filters(image, layout))
    return Picture(renditions, {"sizes": LAYOUTS[layout][1], **attrs}).__html__()
