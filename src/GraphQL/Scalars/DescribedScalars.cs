using GraphQL.Types;

namespace TicketMaster.GraphQL.Scalars;

/// <summary>
/// GraphQL.NET's own <c>Decimal</c>, <c>Long</c> and <c>DateTime</c> scalars, described for clients.
/// A scalar registered under a built-in name replaces the built-in one, so only the descriptions change.
/// </summary>
public static class DescribedScalars
{
    public static void RegisterDescribedScalars(this ISchema schema)
    {
        schema.RegisterType(new DecimalGraphType
        {
            Description = "An exact decimal number, sent as a JSON number (e.g. `49.5`); an amount of money is in the currency's major unit (euros, not cents).",
        });
        schema.RegisterType(new LongGraphType
        {
            Description = "A 64-bit whole number, sent as a JSON number. Values above 2^53 lose precision in JavaScript's `number`; those used here stay far below.",
        });
        schema.RegisterType(new DateTimeGraphType
        {
            Description = "An instant as an ISO-8601 string, always sent in UTC (`2027-03-10T19:00:00Z`, sometimes with fractions of a second); a value you send without an offset is taken as UTC. Convert it to local time for display: an event's start to its venue's `timeZone`.",
        });
    }
}
