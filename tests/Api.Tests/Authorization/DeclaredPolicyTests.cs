using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Authorization;

/// <summary>Who may call what is declared next to each root field, and enforced before its resolver runs.</summary>
public sealed class DeclaredPolicyTests
{
    [Fact]
    public async Task Every_query_mutation_and_subscription_declares_who_may_call_it()
    {
        await using var api = await EmptyApi.StartAsync();
        var schema = api.Host.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var undeclared = new[] { schema.Query, schema.Mutation!, schema.Subscription! }
            .SelectMany(root => root.Fields.Where(field => !field.HasDeclaredPolicy()).Select(field => $"{root.Name}.{field.Name}"))
            .ToList();

        Assert.True(undeclared.Count == 0,
            "These root fields declare no policy; add Authorize(), AuthorizeWithPolicy(Policies.…) or AllowAnonymous() next to each:\n  " + string.Join("\n  ", undeclared));
    }

    [Theory]
    [InlineData("mutation { reserveSeats(input: { eventId: \"RXZlbnQ6MQ==\", seatIds: [\"U2VhdDox\"] }) { reservation { id } } }")]
    [InlineData("mutation { reserveBestAvailable(input: { eventId: \"RXZlbnQ6MQ==\", quantity: 2 }) { reservation { id } } }")]
    [InlineData("mutation { releaseReservation(input: { reservationId: \"UmVzZXJ2YXRpb246MDE5MzBhYmNkZWYwNzAwMDgwMDAwMDAwMDAwMDAwMDA=\" }) { reservation { id } } }")]
    [InlineData("mutation { confirmReservation(input: { reservationId: \"UmVzZXJ2YXRpb246MDE5MzBhYmNkZWYwNzAwMDgwMDAwMDAwMDAwMDAwMDA=\", paymentToken: \"tok_visa\", idempotencyKey: \"k1\" }) { order { id } } }")]
    [InlineData("{ myOrders { nodes { id } } }")]
    [InlineData("{ myReservations { nodes { id } } }")]
    public async Task An_anonymous_caller_is_told_to_log_in_and_nothing_runs(string document)
    {
        await using var api = await EmptyApi.StartAsync();
        var client = new GraphQLClient(api.Host.CreateHttpClient());

        var codes = await client.ErrorCodesAsync(document);

        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], codes);
    }

    [Fact]
    public async Task A_missing_token_nulls_only_the_fields_that_need_one()
    {
        await using var api = await EmptyApi.StartAsync();
        var anonymous = new GraphQLClient(api.Host.CreateHttpClient());

        var answer = await anonymous.PostAsync("{ me { username } myOrders { totalCount } events(first: 1) { totalCount } }");

        var data = answer.GetProperty("data");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("me").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("myOrders").ValueKind);
        Assert.Equal(0, data.GetProperty("events").GetProperty("totalCount").GetInt32());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal(["myOrders"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(FieldAuthorization.NotAuthenticatedCode, error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
