"""Illustrations of the news and articles: a sky, a row of town houses and a sun, drawn with Pillow."""

from home.demo import drawn_image


def demo_image(title, filename, sky, ground, accent):
    """A 1600×900 JPEG drawn here: a sky, a row of town houses and a sun, created once by title."""

    def draw_town(draw):
        draw.ellipse((1180, 90, 1420, 330), fill=accent)
        for number, left in enumerate(range(60, 1600, 190)):
            top = 380 + (number * 97) % 260
            draw.rectangle((left, top, left + 160, 760), fill=ground)
            for row in range(top + 40, 720, 90):
                draw.rectangle((left + 30, row, left + 65, row + 45), fill=accent)
                draw.rectangle((left + 95, row, left + 130, row + 45), fill=sky)
        draw.rectangle((0, 760, 1600, 900), fill=ground)

    return drawn_image(title, filename, (1600, 900), sky, draw_town, quality=85)


def demo_images():
    """The illustrations by the name the news and articles give them."""
    return {
        "meeting": demo_image(
            "Ilustracja: spotkanie w dzielnicy", "spotkanie.jpg", "#cfe3f5", "#0b4f8a", "#f2b705"
        ),
        "park": demo_image("Ilustracja: zielone podwórko", "podworko.jpg", "#e3f4e8", "#1e6b34", "#f2b705"),
        "vote": demo_image("Ilustracja: głosowanie", "glosowanie.jpg", "#fff8dc", "#083a66", "#e0523f"),
        "city": demo_image(
            "Ilustracja: Sosnowiec o zmierzchu", "miasto.jpg", "#24476b", "#0a2c4d", "#ffd23f"
        ),
    }


IMAGE_ALTS = {
    "meeting": "Rysunek: kamienice w kolorach miasta i słońce nad nimi.",
    "park": "Rysunek: zielone podwórko między domami.",
    "vote": "Rysunek: domy w jasnym słońcu, symbol dnia głosowania.",
    "city": "Rysunek: miasto o zmierzchu z oświetlonymi oknami.",
}
