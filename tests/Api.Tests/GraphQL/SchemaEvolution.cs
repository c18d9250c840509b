using GraphQLParser;
using GraphQLParser.AST;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>
/// The deprecation policy, checked on SDL: a field, argument, input field or enum value may leave the
/// published schema only after a published schema marked it <c>@deprecated</c>. Renames therefore
/// keep the old name, deprecated, for one release (docs/contributing.md).
/// </summary>
public static class SchemaEvolution
{
    /// <summary>Set to the removed coordinates, space-separated, to publish a removal the policy would refuse (a major version; record it in docs/schema-changes.md).</summary>
    public const string ApprovedRemovals = "SCHEMA_REMOVALS_APPROVED";

    /// <summary>Members of <paramref name="published"/> missing from <paramref name="live"/> that were not deprecated: <c>Type.field</c>, <c>Type.field(arg)</c>, <c>Enum.VALUE</c>.</summary>
    public static IReadOnlyList<string> RemovedWithoutDeprecation(string published, string live)
    {
        var before = Members(published);
        var after = Members(live).Keys.ToHashSet();
        var approved = (Environment.GetEnvironmentVariable(ApprovedRemovals) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return before.Where(member => !member.Value && !after.Contains(member.Key) && !approved.Contains(member.Key)).Select(member => member.Key).Order().ToList();
    }

    /// <summary>Every member's coordinate, and whether it is deprecated (an argument is, with its field).</summary>
    private static Dictionary<string, bool> Members(string sdl)
    {
        var members = new Dictionary<string, bool>();
        foreach (var definition in Parser.Parse(sdl).Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition type:
                    AddFields(members, type.Name.StringValue, type.Fields);
                    break;
                case GraphQLInterfaceTypeDefinition type:
                    AddFields(members, type.Name.StringValue, type.Fields);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        members[$"{input.Name.StringValue}.{field.Name.StringValue}"] = Deprecated(field.Directives);
                    }

                    break;
                case GraphQLEnumTypeDefinition @enum:
                    foreach (var value in @enum.Values?.Items ?? [])
                    {
                        members[$"{@enum.Name.StringValue}.{value.Name.StringValue}"] = Deprecated(value.Directives);
                    }

                    break;
            }
        }

        return members;
    }

    private static void AddFields(Dictionary<string, bool> members, string type, GraphQLFieldsDefinition? fields)
    {
        foreach (var field in fields?.Items ?? [])
        {
            var coordinate = $"{type}.{field.Name.StringValue}";
            var deprecated = Deprecated(field.Directives);
            members[coordinate] = deprecated;
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                members[$"{coordinate}({argument.Name.StringValue})"] = deprecated || Deprecated(argument.Directives);
            }
        }
    }

    private static bool Deprecated(GraphQLDirectives? directives) =>
        directives?.Items.Any(d => d.Name.StringValue == "deprecated") == true;
}
