using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Tickets;

/// <summary>What a buyer gets to show at the door, and that nobody else gets it.</summary>
public abstract class TicketCodeTests(TicketScene scene)
{
    private const string MyTickets = "{ myOrders(first: 1) { nodes { tickets { id code png: qrCode(format: PNG) svg: qrCode } } } }";

    [SkippableFact]
    public async Task Each_bought_ticket_has_its_own_signed_code_and_its_QR_image_scans_back_to_that_code()
    {
        var (buyer, bought) = await scene.BuyAsync(scene.MainEventId, count: 2);

        var tickets = (await buyer.DataAsync<OrdersData>(MyTickets)).MyOrders.Nodes[0].Tickets;

        Assert.Equal(2, tickets.Count);
        Assert.All(tickets, t => Assert.StartsWith("TM1.k1.", t.Code));
        Assert.NotEqual(tickets[0].Code, tickets[1].Code);
        Assert.Equal(bought.Select(t => t.Code).Order(), tickets.Select(t => t.Code).Order());
        foreach (var ticket in tickets)
        {
            Assert.StartsWith("data:image/png;base64,", ticket.Png);
            Assert.Equal(ticket.Code, QrDecoding.DecodePng(Convert.FromBase64String(ticket.Png["data:image/png;base64,".Length..])));
            Assert.StartsWith("data:image/svg+xml;base64,", ticket.Svg);
            Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ticket.Svg["data:image/svg+xml;base64,".Length..])));
        }
    }

    [SkippableFact]
    public async Task Nobody_but_the_buyer_reaches_a_ticket_or_its_code()
    {
        var (_, bought) = await scene.BuyAsync(scene.MainEventId);
        const string Query = "query($id: ID!) { node(id: $id) { ... on Ticket { code } } }";
        var stranger = await scene.Anonymous.SignedInBuyerAsync();

        Assert.Null((await stranger.DataAsync<NodeData>(Query, new { id = bought[0].Id })).Node);
        Assert.Null((await scene.ClientFor(scene.OtherOrganizer).DataAsync<NodeData>(Query, new { id = bought[0].Id })).Node);
        Assert.Null((await scene.Anonymous.DataAsync<NodeData>(Query, new { id = bought[0].Id })).Node);
    }

    private sealed record OrdersData(Connection<OrderTickets> MyOrders);

    private sealed record OrderTickets(IReadOnlyList<TicketImages> Tickets);

    private sealed record TicketImages(string Id, string Code, string Png, string Svg);

    private sealed record NodeData(CodeOnly? Node);

    private sealed record CodeOnly(string Code);
}

[CollectionDefinition(Name)]
public sealed class SqliteTicketCollection : ICollectionFixture<SqliteTicketScene>
{
    public const string Name = "Tickets on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MariaDbTicketCollection : ICollectionFixture<MariaDbTicketScene>
{
    public const string Name = "Tickets on MariaDB";
}

[Collection(SqliteTicketCollection.Name)]
public sealed class TicketCodesOnSqlite(SqliteTicketScene scene) : TicketCodeTests(scene);

[Collection(MariaDbTicketCollection.Name)]
public sealed class TicketCodesOnMariaDb(MariaDbTicketScene scene) : TicketCodeTests(scene);
