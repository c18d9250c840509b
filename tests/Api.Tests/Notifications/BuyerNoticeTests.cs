using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Notifications;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>Buyers hear of a moved event and of a refund, by email over real SMTP and in-app, once each.</summary>
public abstract class BuyerNoticeTests(MailScene scene)
{
    private const string Inbox = "{ myNotifications { nodes { kind title body } } }";

    [SkippableFact]
    public async Task When_an_event_moves_its_ticket_holders_are_told_the_new_time_once_by_email_and_in_app()
    {
        var eventId = await scene.ScheduleAsync("Notice ", DateTime.UtcNow.AddDays(20));
        var (buyer, _) = await scene.BuyAsync(GlobalId.Encode("Event", eventId));
        var userId = await MailScene.UserIdAsync(buyer);
        var newStart = DateTime.UtcNow.AddDays(30).Date.AddHours(19);

        await scene.InDatabaseAsync(async db =>
        {
            var show = await db.Events.Include(e => e.Venue).SingleAsync(e => e.Id == eventId);
            show.Reschedule(newStart, null, null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var inbox = await MailScene.PollAsync(() => buyer.DataAsync(Inbox), data => Kinds(data).Contains("EventRescheduled"));
        var notice = inbox.GetProperty("myNotifications").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "EventRescheduled");
        Assert.EndsWith("has moved", notice.GetProperty("title").GetString());
        Assert.Contains(newStart.ToString("u", System.Globalization.CultureInfo.InvariantCulture), notice.GetProperty("body").GetString());
        await SentAsync(userId, NotificationKinds.EventRescheduled);
        Assert.Single(scene.Smtp.Messages, m => m.Subject == notice.GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task A_refunded_buyer_is_told_the_amount_and_the_reason_once_by_email_and_in_app()
    {
        var eventId = await scene.ScheduleAsync("Notice ", DateTime.UtcNow.AddDays(20));
        var (buyer, _) = await scene.BuyAsync(GlobalId.Encode("Event", eventId));
        var userId = await MailScene.UserIdAsync(buyer);
        var orderId = (await buyer.DataAsync("{ myOrders(first: 1) { nodes { id } } }")).GetProperty("myOrders").GetProperty("nodes")[0].GetProperty("id").GetString();

        var refunded = await scene.ClientFor(scene.Organizer).DataAsync(
            "mutation($input: RefundOrderInput!) { refundOrder(input: $input) { order { status } errors { __typename } } }",
            new { input = new { orderId, reason = "The band cancelled the support act" } });

        Assert.Equal("REFUNDED", refunded.GetProperty("refundOrder").GetProperty("order").GetProperty("status").GetString());
        var inbox = await MailScene.PollAsync(() => buyer.DataAsync(Inbox), data => Kinds(data).Contains("PaymentRefunded"));
        var notice = inbox.GetProperty("myNotifications").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "PaymentRefunded");
        Assert.Equal("Refund of 20.00 EUR", notice.GetProperty("title").GetString());
        Assert.Contains("The band cancelled the support act", notice.GetProperty("body").GetString());
        await SentAsync(userId, NotificationKinds.PaymentRefunded);
    }

    private static List<string?> Kinds(System.Text.Json.JsonElement data) =>
        data.GetProperty("myNotifications").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();

    /// <summary>Exactly one email and one in-app notice of the kind for the person, both sent.</summary>
    private Task SentAsync(int userId, string kind) => MailScene.PollAsync(
        () => scene.InDatabaseAsync(db => db.Notifications.Where(n => n.RecipientId == userId && n.Kind == kind).Select(n => new { n.Channel, n.Status }).ToListAsync()),
        rows => rows.Count == 2 && rows.All(r => r.Status == NotificationStatus.Sent) && rows.Select(r => r.Channel).Distinct().Count() == 2);

}

[Collection(SqliteMailCollection.Name)]
public sealed class BuyerNoticesOnSqlite(SqliteMailScene scene) : BuyerNoticeTests(scene);

[Collection(MariaDbMailCollection.Name)]
public sealed class BuyerNoticesOnMariaDb(MariaDbMailScene scene) : BuyerNoticeTests(scene);
