namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>The deprecation policy's rule on small schemas: what it refuses and what it lets through.</summary>
public sealed class SchemaEvolutionTests
{
    private const string Published = """
        type Query { events(first: Int, where: String): [String] oldName: String @deprecated(reason: "Use name.") name: String }
        input MoneyInput { amount: Float! currency: String! }
        enum OrderStatus { PAID COMPLETED @deprecated(reason: "Use PAID.") }
        """;

    [Fact]
    public void Removing_a_member_that_was_never_deprecated_is_refused_by_its_coordinate()
    {
        const string live = """
            type Query { events(first: Int): [String] oldName: String @deprecated(reason: "Use name.") }
            input MoneyInput { amount: Float! }
            enum OrderStatus { COMPLETED @deprecated(reason: "Use PAID.") }
            """;

        Assert.Equal(
            ["MoneyInput.currency", "OrderStatus.PAID", "Query.events(where)", "Query.name"],
            SchemaEvolution.RemovedWithoutDeprecation(Published, live));
    }

    [Fact]
    public void Removing_what_was_published_deprecated_and_adding_anything_is_allowed()
    {
        const string live = """
            type Query { events(first: Int, where: String, order: String): [String] name: String title: String }
            input MoneyInput { amount: Float! currency: String! }
            enum OrderStatus { PAID REFUNDED }
            """;

        Assert.Empty(SchemaEvolution.RemovedWithoutDeprecation(Published, live));
    }
}
