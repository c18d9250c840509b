using System.Globalization;
using TicketMaster.Common;

namespace TicketMaster.Events;

/// <summary>
/// Organizers give times as the venue's wall clock ("2027-03-01T19:30"), as printed on posters;
/// they are stored in UTC. A time the clocks skip (spring forward) is refused; a time they repeat
/// (fall back) is read as standard time.
/// </summary>
public static class VenueLocalTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static DateTime? ToUtc(string? local, string timeZone, string field)
    {
        if (local is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(local, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            throw new InvalidFieldException(field, "must be a local time such as 2027-03-01T19:30, without offset");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        if (zone.IsInvalidTime(wallClock))
        {
            throw new InvalidFieldException(field, $"does not exist in {timeZone}: the clocks skip it");
        }

        return TimeZoneInfo.ConvertTimeToUtc(wallClock, zone);
    }

    /// <summary>The venue's wall clock at a UTC instant, in the input format.</summary>
    public static string ToLocal(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
