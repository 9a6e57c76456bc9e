"""Pictures of the demo budget's projects: simple drawings, made here with Pillow, of the places the
projects change, described by their titles."""

from home.demo import drawn_image

SCENES = {
    "path": (
        "Rysunek: asfaltowa ścieżka rowerowa wijąca się wzdłuż rzeki między drzewami",
        "#9fd3f2",
        "#5aa05a",
    ),
    "workshop": ("Rysunek: stoły z laptopami i małymi robotami w sali biblioteki", "#f4efe4", "#8b6b4a"),
    "meadow": (
        "Rysunek: kwitnąca łąka z kolorowymi kwiatami i budką dla ptaków na drzewie",
        "#bfe3f5",
        "#6bb04a",
    ),
    "playground": (
        "Rysunek: plac zabaw ze zjeżdżalnią i huśtawkami na miękkiej nawierzchni",
        "#a8d8f0",
        "#d9653b",
    ),
    "bikes": ("Rysunek: rząd zadaszonych stojaków z rowerami przed budynkiem dworca", "#cfe4f2", "#7a7f87"),
}


def project_picture(scene, subject):
    description, sky, ground = SCENES[scene]
    return drawn_image(
        f"{description} ({subject})",
        f"bo-{scene}.jpg",
        (1200, 675),
        sky,
        lambda draw: draw_scene(draw, scene, ground),
        quality=82,
        description=description,
    )


def draw_scene(draw, scene, ground):
    draw.rectangle((0, 430, 1200, 675), fill=ground)
    for left in range(40, 1200, 260):  # trees on the horizon
        draw.rectangle((left + 45, 330, left + 65, 440), fill="#6b4a2b")
        draw.ellipse((left, 230, left + 110, 350), fill="#2f7a3a")
    if scene == "path":
        draw.polygon([(520, 675), (760, 675), (640, 430), (600, 430)], fill="#4a4d52")
        draw.line([(640, 675), (620, 430)], fill="#f2f2f2", width=6)
        draw.polygon([(0, 520), (380, 470), (300, 675), (0, 675)], fill="#3f7fbf")
    elif scene == "workshop":
        for left in range(120, 1100, 340):
            draw.rectangle((left, 470, left + 260, 500), fill="#5b4632")
            draw.rectangle((left + 60, 410, left + 180, 470), fill="#2d3a4a")
            draw.ellipse((left + 200, 440, left + 240, 470), fill="#e0a020")
    elif scene == "meadow":
        for number in range(120):
            x, y = (number * 97) % 1200, 450 + (number * 53) % 220
            draw.ellipse(
                (x, y, x + 16, y + 16), fill=("#e84a5f", "#ffd23f", "#ffffff", "#9b5de5")[number % 4]
            )
        draw.rectangle((900, 330, 950, 390), fill="#b5651d")
        draw.ellipse((915, 345, 935, 365), fill="#1b1f24")
    elif scene == "playground":
        draw.rectangle((200, 300, 220, 480), fill="#1b5e9e")
        draw.rectangle((420, 300, 440, 480), fill="#1b5e9e")
        draw.line([(200, 300), (440, 300)], fill="#1b5e9e", width=14)
        draw.rectangle((290, 300, 300, 420), fill="#333333")
        draw.rectangle((270, 420, 320, 432), fill="#f2b705")
        draw.polygon([(700, 300), (760, 300), (1000, 500), (940, 500)], fill="#f2b705")
        draw.rectangle((680, 300, 700, 500), fill="#e84a5f")
    elif scene == "bikes":
        draw.rectangle((100, 120, 1100, 330), fill="#b0a08a")
        draw.rectangle((150, 360, 1050, 380), fill="#555a60")
        for left in range(180, 1040, 140):
            draw.ellipse((left, 420, left + 70, 490), outline="#1b1f24", width=6)
            draw.ellipse((left + 60, 420, left + 130, 490), outline="#1b1f24", width=6)
