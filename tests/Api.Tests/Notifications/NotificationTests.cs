using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Tests.Tickets;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Notifications;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>After a purchase: the confirmation email over real SMTP, and the in-app notification.</summary>
public abstract class NotificationTests(MailScene scene)
{
    [SkippableFact]
    public async Task The_confirmation_email_arrives_once_with_the_booking_id_scannable_tickets_and_a_calendar_entry()
    {
        var (buyer, tickets) = await scene.BuyAsync(scene.MainEventId, count: 2);
        var orderId = await OrderIdAsync(buyer);

        var message = (await MessagesForAsync(orderId, 1)).Single();
        await AllSentAsync(orderId);

        Assert.Single(MessagesFor(orderId));
        Assert.Equal("Your tickets for Door Night", message.Subject);
        Assert.Contains($"Booking ID: {orderId}", message.TextBody);
        Assert.Contains("Test Hall", message.HtmlBody);
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, images.Count);
        var scanned = images.Select(image =>
        {
            using var png = new MemoryStream();
            image.Content!.DecodeTo(png);
            return QrDecoding.DecodePng(png.ToArray());
        });
        Assert.Equal(tickets.Select(t => t.Code).Order(), scanned.Order());
        Assert.All(images, image => Assert.Contains($"cid:{image.ContentId}", message.HtmlBody));
        var calendar = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var ics = new MemoryStream();
        calendar.Content!.DecodeTo(ics);
        var entry = System.Text.Encoding.UTF8.GetString(ics.ToArray());
        Assert.Contains("BEGIN:VEVENT", entry);
        Assert.Contains("SUMMARY:Door Night", entry);
    }

    [SkippableFact]
    public async Task The_buyer_finds_the_order_in_app_and_marks_it_read_while_others_see_none_of_it()
    {
        var (buyer, _) = await scene.BuyAsync(scene.MainEventId);
        var stranger = await scene.Anonymous.SignedInBuyerAsync();
        const string Mine = "{ myUnreadNotificationCount myNotifications { nodes { id kind title body channel status readAt } } }";

        var inbox = await MailScene.PollAsync(() => buyer.DataAsync<InboxData>(Mine), data => data.MyNotifications.Nodes.Count > 0);
        var note = Assert.Single(inbox.MyNotifications.Nodes);
        var marked = await buyer.DataAsync<MarkData>("mutation($ids: [ID!]) { markNotificationsRead(input: { notificationIds: $ids }) { unread errors { __typename } } }", new { ids = new[] { note.Id } });
        var foreign = await stranger.DataAsync<MarkData>("mutation($ids: [ID!]) { markNotificationsRead(input: { notificationIds: $ids }) { unread errors { __typename } } }", new { ids = new[] { note.Id } });
        var after = await buyer.DataAsync<InboxData>(Mine);

        Assert.Equal(("OrderConfirmed", "IN_APP", "SENT", 1), (note.Kind, note.Channel, note.Status, inbox.MyUnreadNotificationCount));
        Assert.Equal("Your tickets for Door Night", note.Title);
        Assert.Equal(0, marked.MarkNotificationsRead.Unread);
        Assert.Equal("NotificationNotFoundError", foreign.MarkNotificationsRead.Errors?[0].Typename);
        Assert.NotNull(after.MyNotifications.Nodes[0].ReadAt);
        Assert.Equal(0, after.MyUnreadNotificationCount);
        Assert.Empty((await stranger.DataAsync<InboxData>(Mine)).MyNotifications.Nodes);
        Assert.Null((await stranger.DataAsync<NodeData>("query($id: ID!) { node(id: $id) { id } }", new { id = note.Id })).Node);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", await scene.Anonymous.ErrorCodesAsync(Mine));
    }

    [SkippableFact]
    public async Task A_subscriber_receives_the_unread_notification_over_server_sent_events()
    {
        var (buyer, _) = await scene.BuyAsync(scene.MainEventId);
        await MailScene.PollAsync(() => buyer.DataAsync<InboxData>("{ myUnreadNotificationCount myNotifications { nodes { id kind title body channel status readAt } } }"), data => data.MyUnreadNotificationCount > 0);

        var first = await buyer.FirstStreamedAsync("subscription { onNotificationReceived { kind title channel } }");

        var received = first.GetProperty("data").GetProperty("onNotificationReceived");
        Assert.Equal(("OrderConfirmed", "IN_APP"), (received.GetProperty("kind").GetString(), received.GetProperty("channel").GetString()));
        Assert.Equal("Your tickets for Door Night", received.GetProperty("title").GetString());
        var anonymous = await scene.Anonymous.FirstStreamedAsync("subscription { onNotificationReceived { kind } }");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task A_subscriber_then_receives_each_new_notification_as_it_is_delivered()
    {
        var (buyer, _) = await scene.BuyAsync(scene.MainEventId);
        await MailScene.PollAsync(() => buyer.DataAsync<InboxData>("{ myUnreadNotificationCount myNotifications { nodes { id kind title body channel status readAt } } }"), data => data.MyUnreadNotificationCount > 0);
        using var timeout = new CancellationTokenSource(MailScene.Patience);
        await using var stream = buyer.StreamedAsync("subscription { onNotificationReceived { kind body } }", timeout.Token).GetAsyncEnumerator(timeout.Token);

        // The first message (the unread confirmation) shows the stream is open; the next purchase comes after it.
        Assert.True(await stream.MoveNextAsync());
        var first = stream.Current.GetProperty("data").GetProperty("onNotificationReceived").GetProperty("body").GetString();
        var marked = await buyer.DataAsync<MarkData>("mutation { markNotificationsRead(input: {}) { unread errors { __typename } } }");
        await scene.BuyAsync(scene.MainEventId, count: 2, @as: buyer);
        var orderIds = (await buyer.DataAsync<OrdersData>("{ myOrders(first: 2) { nodes { id } } }")).MyOrders.Nodes.Select(o => GlobalId.DecodeGuid(o.Id, "Order")).ToList();

        Assert.True(await stream.MoveNextAsync());
        var next = stream.Current.GetProperty("data").GetProperty("onNotificationReceived").GetProperty("body").GetString();
        Assert.Equal(0, marked.MarkNotificationsRead.Unread);
        Assert.Contains($"Order {orderIds[1]}: 1 ticket(s)", first);
        Assert.Contains($"Order {orderIds[0]}: 2 ticket(s)", next);
    }

    [SkippableFact]
    public async Task Two_api_instances_reading_the_same_outbox_send_each_confirmation_exactly_once()
    {
        await using var second = await scene.StartApiAsync();
        var orders = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var (buyer, _) = await scene.BuyAsync(scene.MainEventId, via: i % 2 == 0 ? scene.Api : second);
            orders.Add(await OrderIdAsync(buyer));
        }

        foreach (var order in orders)
        {
            await MessagesForAsync(order, 1);
            await AllSentAsync(order);
        }

        var messages = orders.SelectMany(MessagesFor).ToList();
        Assert.Equal(6, messages.Count);
        Assert.Equal(6, messages.Select(m => m.MessageId).Distinct().Count());
        var planned = await scene.InDatabaseAsync(db => db.Notifications.CountAsync(n => orders.Select(o => o.ToString()).Contains(n.Subject)));
        Assert.Equal(12, planned);
    }

    [SkippableFact]
    public async Task Ticket_holders_are_reminded_once_a_day_before_the_event_by_email_and_in_app()
    {
        var eventId = await scene.ScheduleAsync("Soon ", DateTime.UtcNow.AddHours(3));
        var (buyer, _) = await scene.BuyAsync(GlobalId.Encode("Event", eventId), count: 2);
        const string Mine = "{ myNotifications { nodes { kind title } } }";

        var inbox = await MailScene.PollAsync(() => buyer.DataAsync<KindsData>(Mine), data => data.MyNotifications.Nodes.Any(n => n.Kind == "EventReminder"));
        var subject = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await MailScene.PollAsync(
            () => scene.InDatabaseAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.EventReminder && n.Subject == subject).Select(n => n.Status).ToListAsync()),
            statuses => statuses.Count == 2 && statuses.All(s => s == NotificationStatus.Sent));

        Assert.Single(inbox.MyNotifications.Nodes, n => n.Kind == "EventReminder");
        Assert.StartsWith("Tomorrow: Soon ", inbox.MyNotifications.Nodes.Single(n => n.Kind == "EventReminder").Title);
        var reminders = scene.Smtp.Messages.Where(m => m.Subject == inbox.MyNotifications.Nodes.Single(n => n.Kind == "EventReminder").Title).ToList();
        Assert.Contains("Have your tickets ready", Assert.Single(reminders).TextBody);
    }

    [SkippableFact]
    public async Task When_an_event_is_cancelled_every_buyer_hears_of_it_once_by_email_and_in_app()
    {
        var eventId = await scene.ScheduleAsync("Doomed ", DateTime.UtcNow.AddDays(20));
        var (first, _) = await scene.BuyAsync(GlobalId.Encode("Event", eventId));
        var (second, _) = await scene.BuyAsync(GlobalId.Encode("Event", eventId), count: 2);

        await scene.InDatabaseAsync(async db =>
        {
            var show = await db.Events.SingleAsync(e => e.Id == eventId);
            show.Cancel();
            return await db.SaveChangesAsync();
        });

        var subject = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await MailScene.PollAsync(
            () => scene.InDatabaseAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.EventCancelled && n.Subject == subject).Select(n => n.Status).ToListAsync()),
            statuses => statuses.Count == 4 && statuses.All(s => s == NotificationStatus.Sent));
        foreach (var buyer in new[] { first, second })
        {
            var notes = (await buyer.DataAsync<KindsData>("{ myNotifications { nodes { kind title } } }")).MyNotifications.Nodes;
            Assert.EndsWith("is cancelled", Assert.Single(notes, n => n.Kind == "EventCancelled").Title);
        }

        Assert.Equal(2, scene.Smtp.Messages.Count(m => m.Subject != null && m.Subject.StartsWith("Doomed ", StringComparison.Ordinal) && m.Subject.EndsWith("is cancelled", StringComparison.Ordinal)));
    }

    /// <summary>An event of the scene's organizer at its venue, on sale, starting at <paramref name="startsAt"/>; named by <paramref name="prefix"/> and a random tail.</summary>
    private static async Task<Guid> OrderIdAsync(GraphQLClient buyer) =>
        GlobalId.DecodeGuid((await buyer.DataAsync<OrdersData>("{ myOrders(first: 1) { nodes { id } } }")).MyOrders.Nodes[0].Id, "Order");

    private IEnumerable<MimeMessage> MessagesFor(Guid orderId) => scene.Smtp.Messages.Where(m => m.TextBody?.Contains($"Booking ID: {orderId}") == true);

    private async Task<IReadOnlyList<MimeMessage>> MessagesForAsync(Guid orderId, int count)
    {
        var deadline = DateTime.UtcNow + MailScene.Patience;
        while (MessagesFor(orderId).Count() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No confirmation for order {orderId} within {MailScene.Patience}.");
            await Task.Delay(50);
        }

        return [.. MessagesFor(orderId)];
    }

    /// <summary>Waits until every notification of the order is recorded as sent, so a duplicate would have been sent by now.</summary>
    private Task AllSentAsync(Guid orderId) => MailScene.PollAsync(
        () => scene.InDatabaseAsync(db => db.Notifications.Where(n => n.Subject == orderId.ToString()).Select(n => n.Status).ToListAsync()),
        statuses => statuses.Count == 2 && statuses.All(s => s == NotificationStatus.Sent));

    private sealed record OrdersData(Connection<Node> MyOrders);

    private sealed record KindsData(Connection<KindAndTitle> MyNotifications);

    private sealed record KindAndTitle(string Kind, string Title);

    private sealed record InboxData(int? MyUnreadNotificationCount, Connection<InApp> MyNotifications);

    private sealed record InApp(string Id, string Kind, string Title, string Body, string Channel, string Status, DateTime? ReadAt);

    private sealed record MarkData(MarkPayload MarkNotificationsRead);

    private sealed record MarkPayload(int? Unread, IReadOnlyList<PayloadError>? Errors);

    private sealed record NodeData(Node? Node);
}

[CollectionDefinition(Name)]
public sealed class SqliteMailCollection : ICollectionFixture<SqliteMailScene>
{
    public const string Name = "Mail on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MariaDbMailCollection : ICollectionFixture<MariaDbMailScene>
{
    public const string Name = "Mail on MariaDB";
}

[Collection(SqliteMailCollection.Name)]
public sealed class NotificationsOnSqlite(SqliteMailScene scene) : NotificationTests(scene);

[Collection(MariaDbMailCollection.Name)]
public sealed class NotificationsOnMariaDb(MariaDbMailScene scene) : NotificationTests(scene);
