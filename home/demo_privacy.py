"""The demo privacy policy: who controls the data residents give the site, why, for how long, and
their rights. The data protection officer's address and the retention period are also quoted by the
consultation and budget forms' privacy notices."""

from .demo import heading, paragraph, stream
from .models import SiteSettings

# The data protection officer's mailbox in the domain the demo site uses; no real person's name.
DPO_EMAIL = "iod@sosnowiec.invalid"
# What `anonymize_submissions` enforces unless an administrator changes it in the site settings.
RETENTION_DAYS = SiteSettings._meta.get_field("retention_days").default

LEGAL_PAGES = [
    (
        "polityka-prywatnosci",
        "Polityka prywatności",
        "Kto odpowiada za Twoje dane, po co je zbieramy, komu je przekazujemy, jak długo je "
        "przechowujemy i jakie masz prawa.",
        stream(
            heading("Administrator danych"),
            paragraph(
                "Administratorem danych osobowych zbieranych w serwisie jest Prezydent Miasta Sosnowca "
                "z siedzibą w Urzędzie Miejskim w Sosnowcu, Al. Zwycięstwa 20, 41-200 Sosnowiec. "
                "W sprawach danych możesz pisać na ten adres albo złożyć pismo w kancelarii urzędu."
            ),
            heading("Inspektor ochrony danych"),
            paragraph(
                f"Prezydent wyznaczył inspektora ochrony danych. Napisz do niego na adres "
                f'<a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a> albo listownie na adres urzędu z '
                "dopiskiem „Inspektor ochrony danych”, we wszystkich sprawach dotyczących Twoich danych."
            ),
            heading("Po co przetwarzamy dane i na jakiej podstawie"),
            (
                "paragraph",
                "<ul><li>Rozpatrzenie uwag zgłoszonych w konsultacjach społecznych, publiczna odpowiedź "
                "urzędu i raport z konsultacji: wykonanie zadania w interesie publicznym (art. 6 ust. 1 "
                "lit. e RODO) w związku z art. 5a ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
                "i uchwałą Rady Miejskiej o zasadach konsultacji.</li>"
                "<li>Zgłaszanie projektów do budżetu obywatelskiego, ich ocena i głosowanie: obowiązek "
                "prawny miasta (art. 6 ust. 1 lit. c RODO) w związku z art. 5a ust. 3–7 ustawy "
                "o samorządzie gminnym.</li>"
                "<li>Zapisy na spotkania i szkolenia, odpowiedzi na pytania wysłane formularzem "
                "kontaktowym: zadanie w interesie publicznym (art. 6 ust. 1 lit. e RODO).</li>"
                "<li>Ochrona serwisu przed nadużyciami (skrót adresu IP, limity liczby zgłoszeń): "
                "ten sam cel i ta sama podstawa co formularz, który wysyłasz.</li></ul>",
            ),
            heading("Jakie dane zbieramy"),
            paragraph(
                "Zapisujemy to, co wpiszesz w formularz: podpis (imię i nazwisko albo nazwę organizacji), "
                "adres e-mail, jeśli go podasz, i treść zgłoszenia, a także skrót adresu IP, z którego "
                "wysłano formularz. Podpis i treść uwagi publikujemy po sprawdzeniu przez moderatora; "
                "adresu e-mail i skrótu adresu IP nie publikujemy nigdy.",
                "Serwis zapisuje w przeglądarce tylko pliki cookie potrzebne do działania: sesję, "
                "ochronę formularzy i wybrane przez Ciebie ustawienia kontrastu i wielkości tekstu.",
            ),
            heading("Komu przekazujemy dane"),
            paragraph(
                "Dane czytają upoważnieni pracownicy urzędu i moderatorzy konsultacji. Przekazujemy je "
                "tylko firmie, która na zlecenie miasta utrzymuje serwer i pocztę serwisu, na podstawie "
                "umowy powierzenia, oraz organom, którym musimy je udostępnić z mocy prawa (np. sądom). "
                "Nie przekazujemy danych poza Europejski Obszar Gospodarczy."
            ),
            heading("Jak długo przechowujemy dane"),
            paragraph(
                f"Podpis, adres e-mail i skrót adresu IP przechowujemy przez {RETENTION_DAYS} dni od "
                "zamknięcia formularza, czyli od zakończenia konsultacji, naboru lub zapisów. Potem serwis "
                "usuwa je automatycznie. Treść uwag i odpowiedzi urzędu zostaje bez danych osobowych "
                "w raporcie z konsultacji, który jest dokumentem publicznym. Dokumenty przekazane do "
                "archiwum urzędu przechowujemy tak długo, jak wymagają przepisy o archiwach."
            ),
            heading("Twoje prawa"),
            (
                "paragraph",
                "<p>Masz prawo:</p><ul><li>dostępu do swoich danych i otrzymania ich kopii,</li>"
                "<li>sprostowania danych nieprawidłowych,</li>"
                "<li>usunięcia danych, gdy nie ma już podstawy, by je przetwarzać,</li>"
                "<li>ograniczenia przetwarzania,</li>"
                "<li>sprzeciwu wobec przetwarzania danych w interesie publicznym, z przyczyn "
                "związanych z Twoją szczególną sytuacją,</li>"
                "<li>wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych, ul. Stawki 2, "
                "00-193 Warszawa, gdy uważasz, że przetwarzamy Twoje dane niezgodnie z prawem.</li></ul>"
                "<p>Podanie danych jest dobrowolne, ale bez podpisu nie przyjmiemy uwagi ani projektu. "
                "Nie podejmujemy wobec Ciebie decyzji w sposób zautomatyzowany i nie profilujemy "
                "Twoich danych.</p>",
            ),
        ),
    ),
]
