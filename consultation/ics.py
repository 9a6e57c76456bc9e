"""Consultation meetings as iCalendar (.ics) events."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def calendar_response(page, meetings, filename, summary="", uid_prefix="meeting"):
    calendar = Calendar()
    calendar.add("prodid", "-//Budżet Obywatelski Sosnowiec//Konsultacje//PL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", page.title)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{uid_prefix}-{meeting.pk}@bo.sosnowiec")
        event.add("dtstamp", page.last_published_at or meeting.starts_at)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("summary", summary or _("Spotkanie konsultacyjne: %(title)s") % {"title": page.title})
        location = ", ".join(part for part in (meeting.place, meeting.address) if part) or meeting.online_url
        event.add("location", location)
        if meeting.online_url:
            event.add("url", meeting.online_url)
        event.add(
            "description", "\n\n".join(part for part in (meeting.description, page.full_url or "") if part)
        )
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
