using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL.Scalars;

/// <summary>
/// A filter value that is either a calendar day (<c>"2027-03-01"</c>, read as a <see cref="DateOnly"/>)
/// or an instant (<c>"2027-03-01T19:00:00Z"</c>, read as a UTC <see cref="DateTime"/>). Filters decide
/// what a day means for what they filter; for events it is the day at the venue (ADR 0014).
/// </summary>
public sealed class DateOrDateTimeGraphType : ScalarGraphType
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly DateTimeGraphType Instants = new();

    public DateOrDateTimeGraphType()
    {
        Name = "DateOrDateTime";
        Description = "A calendar day (`2027-03-01`) or an instant (`2027-03-01T19:00:00Z`, ISO-8601; one without an offset is UTC). "
            + "Where a filter takes one, a day means that whole day on the local clock of whatever is filtered: for events, the day at the venue, in its `timeZone`.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseValue((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly day => day,
        string text when DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        DateTime or DateTimeOffset or string => Utc(Instants.ParseValue(value)),
        _ => ThrowValueConversionError(value),
    };

    /// <summary>An instant without an offset is UTC, as everywhere else in the schema.</summary>
    private static DateTime? Utc(object? instant) => instant switch
    {
        DateTime { Kind: DateTimeKind.Unspecified } time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTime time => time.ToUniversalTime(),
        DateTimeOffset time => time.UtcDateTime,
        _ => null,
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString(DateFormat, CultureInfo.InvariantCulture),
        _ => Instants.Serialize(value),
    };
}
