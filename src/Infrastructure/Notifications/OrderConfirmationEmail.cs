using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TicketMaster.Persistence;
using TicketMaster.Tickets;

namespace TicketMaster.Notifications;

/// <summary>
/// The order-confirmed email: booking id, event, venue, the time in the venue's zone, each seat with
/// its QR code inline, the total, and an .ics so the show lands in the buyer's calendar.
/// </summary>
internal sealed class OrderConfirmationEmail(TicketMasterDbContext db, TicketCodes codes)
{
    public async Task<MimeEntity?> BodyAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var show = await db.Events.AsNoTracking().Include(e => e.Venue).SingleAsync(e => e.Id == order.EventId, cancellationToken);
        var seatIds = order.Tickets.Select(t => t.SeatId).ToList();
        var seats = await db.Seats.AsNoTracking().Where(s => seatIds.Contains(s.Id))
            .Select(s => new { s.Id, Section = s.Section!.Name, Row = s.Row!.Label, s.Number }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var venue = show.Venue!;
        var local = TimeZoneInfo.ConvertTimeFromUtc(show.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(venue.TimeZone));
        var when = $"{local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({venue.TimeZone})";
        var total = $"{order.Total.Amount.ToString("N2", CultureInfo.InvariantCulture)} {order.Total.Currency}";

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Thank you for your order. Booking ID: {order.Id}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{show.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"{venue.Name}, {venue.Address}, {venue.City}")
            .AppendLine(when)
            .AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Thank you for your order. Booking ID: <strong>{order.Id}</strong></p>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Html(show.Name)}</h1><p>{Html(venue.Name)}, {Html(venue.Address)}, {Html(venue.City)}<br>{Html(when)}</p>");

        var builder = new BodyBuilder();
        foreach (var ticket in order.Tickets.OrderBy(t => t.SeatId))
        {
            var seat = seats[ticket.SeatId];
            var place = $"{seat.Section}, row {seat.Row}, seat {seat.Number}";
            var code = codes.CodeFor(ticket);
            text.AppendLine(CultureInfo.InvariantCulture, $"- {place}: {code}");
            var image = builder.LinkedResources.Add($"ticket-{ticket.Id:N}.png", QrImage.Png(code), new ContentType("image", "png"));
            image.ContentId = $"ticket-{ticket.Id:N}@ticketmaster";
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Html(place)}</h2><img src=\"cid:{image.ContentId}\" alt=\"Ticket code {Html(code)}\" width=\"240\"><p><code>{Html(code)}</code></p>");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Total paid: {total}").AppendLine("Show the QR code at the door; each admits once.");
        html.Append(CultureInfo.InvariantCulture, $"<p>Total paid: {Html(total)}</p><p>Show the QR code at the door; each admits once.</p>");
        builder.TextBody = text.ToString();
        builder.HtmlBody = html.ToString();
        builder.Attachments.Add("event.ics", Encoding.UTF8.GetBytes(Calendar(show.Id, show.Name, show.StartsAt, $"{venue.Name}, {venue.Address}, {venue.City}")), new ContentType("text", "calendar"));
        return builder.ToMessageBody();
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>One VEVENT; its UID is the event's, so a reschedule's .ics updates the same entry.</summary>
    private static string Calendar(int eventId, string name, DateTime startsAt, string location)
    {
        static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);
        const string Utc = "yyyyMMdd'T'HHmmss'Z'";
        return string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//TicketMaster//Tickets//EN", "METHOD:PUBLISH", "BEGIN:VEVENT",
            $"UID:event-{eventId}@ticketmaster",
            $"DTSTAMP:{DateTime.UtcNow.ToString(Utc, CultureInfo.InvariantCulture)}",
            $"DTSTART:{startsAt.ToString(Utc, CultureInfo.InvariantCulture)}",
            $"DTEND:{startsAt.AddHours(3).ToString(Utc, CultureInfo.InvariantCulture)}",
            $"SUMMARY:{Escape(name)}", $"LOCATION:{Escape(location)}", "END:VEVENT", "END:VCALENDAR", "");
    }
}
