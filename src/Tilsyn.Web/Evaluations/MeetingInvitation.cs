using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Tilsyn.Evaluations;

namespace Tilsyn.Web.Evaluations;

/// <summary>The follow-up meeting as an iCalendar invitation (<c>.ics</c>, METHOD:REQUEST) for every participant.</summary>
public static class MeetingInvitation
{
    public static string Create(string uid, string summary, string description, MeetingSlot slot, string organizerEmail, IEnumerable<(string Name, string Email)> attendees)
    {
        var e = new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            Description = description,
            Location = "Borgerrådgiveren",
            DtStart = new CalDateTime(slot.Start.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(slot.Start.Add(slot.Length).UtcDateTime, "UTC"),
            Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = "Borgerrådgiveren" },
        };
        foreach (var (name, email) in attendees)
            e.Attendees.Add(new Attendee($"mailto:{email}") { CommonName = name, Rsvp = true, Role = "REQ-PARTICIPANT" });
        var calendar = new Ical.Net.Calendar { Method = "REQUEST" };
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
