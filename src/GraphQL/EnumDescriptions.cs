using GraphQL.Types;

namespace TicketMaster.GraphQL;

public static class EnumDescriptions
{
    /// <summary>
    /// Describes one value of an enum derived from a CLR enum the schema does not own (its
    /// <c>[Description]</c> would have to live in the domain); throws for a value the enum lacks.
    /// </summary>
    public static void Describe(this EnumerationGraphType type, string value, string description) =>
        (type.Values.FindByName(value) ?? throw new ArgumentException($"{type.Name} has no value {value}.", nameof(value))).Description = description;
}
