using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// A price limit is a <c>MoneyInput</c>: its currency must be the event's (prices are never converted),
/// and a code that is not ISO 4217 is a typed error. Either mistake reserves nothing.
/// Bears vs Lions is priced in EUR: Stalls 80, Circle 50.
/// </summary>
public abstract class PriceLimitTests(CatalogFixture catalog)
{
    private const string BestAvailable = """
        mutation($input: ReserveBestAvailableInput!) {
          reserveBestAvailable(input: $input) {
            reservation { seats { price { amount currency } } }
            errors { __typename ... on Error { message } ... on PriceInOtherCurrencyError { currency eventCurrency } ... on InvalidCurrencyError { currency } }
          }
        }
        """;

    [SkippableFact]
    public async Task A_limit_in_the_events_currency_picks_seats_within_it()
    {
        var buyer = await catalog.Client.SignedInBuyerAsync();

        var payload = await ReserveAsync(buyer, new { amount = 60, currency = "EUR" });

        Assert.Null(payload.Errors);
        Assert.All(payload.Reservation!.Seats, seat => Assert.Equal(new Price(50m, "EUR"), seat.Price));
    }

    [SkippableFact]
    public async Task A_limit_in_another_currency_is_refused_with_both_currencies_and_reserves_nothing()
    {
        var buyer = await catalog.Client.SignedInBuyerAsync();

        var dollars = await ReserveAsync(buyer, new { amount = 500, currency = "USD" });
        var lowerCase = await ReserveAsync(buyer, new { amount = 500, currency = "eur" });

        Assert.Null(dollars.Reservation);
        var mismatch = Assert.Single(dollars.Errors!);
        Assert.Equal(("PriceInOtherCurrencyError", "USD", "EUR"), (mismatch.Typename, mismatch.Currency, mismatch.EventCurrency));
        Assert.Contains("EUR", mismatch.Message);
        var invalid = Assert.Single(lowerCase.Errors!);
        Assert.Equal(("InvalidCurrencyError", "eur"), (invalid.Typename, invalid.Currency));
        Assert.Equal(0, (await buyer.DataAsync<MineData>("{ myReservations { totalCount } }")).MyReservations.TotalCount);
    }

    private static async Task<Payload> ReserveAsync(GraphQLClient buyer, object maxPrice)
    {
        var eventId = (await buyer.DataAsync<EventsData>("""{ events(where: { name: { eq: "Bears vs Lions" } }) { nodes { id } } }""")).Events.Nodes[0].Id;
        return (await buyer.DataAsync<BestAvailableData>(BestAvailable, new { input = new { eventId, quantity = 1, maxPrice } })).ReserveBestAvailable;
    }

    private sealed record EventsData(Connection<Node> Events);

    private sealed record BestAvailableData(Payload ReserveBestAvailable);

    private sealed record Payload(Reservation? Reservation, IReadOnlyList<Error>? Errors);

    private sealed record Reservation(IReadOnlyList<Seat> Seats);

    private sealed record Seat(Price Price);

    private sealed record Price(decimal Amount, string Currency);

    private sealed record Error(
        [property: System.Text.Json.Serialization.JsonPropertyName("__typename")] string Typename, string Message, string? Currency = null, string? EventCurrency = null);

    private sealed record MineData(TotalOnly MyReservations);

    private sealed record TotalOnly(int TotalCount);
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class PriceLimitOnSqlite(SqliteCatalog catalog) : PriceLimitTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class PriceLimitOnMariaDb(MariaDbCatalog catalog) : PriceLimitTests(catalog);
