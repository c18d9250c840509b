using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.GraphQL.Caching;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>
/// The policy the Api's own schema gives operations whose answers cannot be had anonymously (staff-only
/// fields), and the combination rules the headers tests do not reach.
/// </summary>
public sealed class CachePolicyTests(CachingApi api) : IClassFixture<CachingApi>
{
    [Theory]
    [InlineData("{ performers(first: 5) { nodes { name } } }", 60, false)]
    [InlineData("{ events(first: 5) { nodes { name sections { available } } } }", 5, false)]
    [InlineData("query($id: ID!) { eventById(id: $id) { name entryProgress { checkedIn } } }", 60, true)]
    [InlineData("query($id: ID!) { eventById(id: $id) { ...Staff } } fragment Staff on Event { checkInList(first: 5) { nodes { code } } }", 60, true)]
    [InlineData("{ searchEvents(first: 5) { nodes { event { ... on Event { availability { available } } } } } }", 5, false)]
    [InlineData("{ myOrders(first: 5) { nodes { id } } }", 0, true)]
    [InlineData("{ performers(first: 1) { totalCount } node(id: \"x\") { id } }", 0, false)]
    public void An_operation_gets_the_smallest_max_age_and_private_when_any_field_is(string query, int maxAge, bool isPrivate)
    {
        var schema = api.Empty.Host.Services.GetRequiredService<ISchema>();
        var document = GraphQLParser.Parser.Parse(query);

        var policy = CachePolicy.For(schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());

        Assert.Equal(maxAge, policy.MaxAge);
        Assert.Equal(isPrivate, policy.Private);
    }
}
